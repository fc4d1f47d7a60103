export { type GetOptions, getThrough } from './get-through.js';
export {
  type StubAnswer,
  type StubRequest,
  type StubService,
  startStubService,
} from './stub-service.js';
