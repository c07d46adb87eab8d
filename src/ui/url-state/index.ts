export { param, defaultState, type Schema, type StateOf, type ParamSpec } from './schema.ts';
export { readState, writeState, type Notice, type NoticeReason, type ReadResult } from './query.ts';
