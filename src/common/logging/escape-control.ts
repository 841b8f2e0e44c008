// Log lines carry text that devices and API clients chose (a serial, an error message that
// quotes a request). A control character in it could end a line early and forge the next
// one, or drive the terminal (ESC, C1 CSI). Every logger escapes them, in both formats:
// \n, \r and \t as those two characters, any other C0, DEL, C1 and the Unicode line
// separators as \xNN / \uNNNN.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character written out; unchanged (and not copied) when there is none. */
export function escapeControl(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, escapeOne) : text;
}
