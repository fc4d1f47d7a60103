// Side effects only: see register-source.js.
export {};
