import type { Formatter } from './types';

/** ESLint's `json` formatter shape. */
export const json: Formatter = (files) =>
  JSON.stringify(files.map((f) => ({ ...f, messages: f.messages.map(({ diagnostic: _d, ...m }) => m) })));
