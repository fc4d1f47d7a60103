export { type GetOptions, getThrough } from './get-through.ts';
export {
  type StubAnswer,
  type StubRequest,
  type StubService,
  startStubService,
} from './stub-service.ts';
