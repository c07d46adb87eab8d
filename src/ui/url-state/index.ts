export { type Notice, type NoticeReason, type ReadResult, readState, writeState } from './query.ts';
export { defaultState, NAME_PATTERN, type ParamSpec, param, type Schema, type StateOf } from './schema.ts';
