export { type Notice, type NoticeReason, type ReadResult, readState, writeState } from './query.ts';
export { defaultState, type ParamSpec, param, type Schema, type StateOf } from './schema.ts';
