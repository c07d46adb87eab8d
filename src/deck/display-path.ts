import { isAbsolute, relative } from 'node:path';

/** A file as the user would type it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : file;
}
