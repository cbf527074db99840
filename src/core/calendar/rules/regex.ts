/** The longest title-matching pattern a rule may have. */
export const MAX_REGEX_LENGTH = 200;
/** Titles are matched on at most this many characters (stored titles are at most 300). */
export const MAX_REGEX_SUBJECT = 300;
/** Open-ended repeats (`*`, `+`, `{n,}`, `{n,m}` with m > 20) a pattern may use. */
const MAX_OPEN_REPEATS = 2;

interface Frame {
  /** Holds a quantifier or an alternation, directly or in a nested group. */
  complex: boolean;
}

/**
 * Why a title pattern is refused, or null when it is fine. JavaScript regular expressions
 * backtrack, and some patterns take exponential (or high polynomial) time on an unlucky title;
 * the import classifies every event on the server's one thread, so such patterns are refused when
 * a rule is saved: repeats nested in repeated groups (`(a+)+`, `(a|aa)*`), and more than two
 * open-ended repeats (`.*.*.*x` takes over a second on a 300-character title).
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > MAX_REGEX_LENGTH) return `must be at most ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `is not a valid regular expression${detail ? ` (${detail})` : ''}`;
  }
  const stack: Frame[] = [{ complex: false }];
  let lastGroup: Frame | null = null;
  let openRepeats = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    const top = stack[stack.length - 1] as Frame;
    if (c === '\\') {
      const next = pattern[i + 1];
      const opener = pattern[i + 2];
      if ((next === 'p' || next === 'P' || next === 'u') && opener === '{') {
        const end = pattern.indexOf('}', i + 3);
        i = end < 0 ? i + 2 : end + 1;
      } else if (next === 'k' && opener === '<') {
        const end = pattern.indexOf('>', i + 3);
        i = end < 0 ? i + 2 : end + 1;
      } else {
        i += 2;
      }
      lastGroup = null;
      continue;
    }
    if (c === '[') {
      i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      lastGroup = null;
      continue;
    }
    if (c === '(') {
      stack.push({ complex: false });
      i++;
      if (pattern[i] === '?') {
        // (?:  (?=  (?!  (?<=  (?<!  (?<name>
        i++;
        if (pattern[i] === '<' && pattern[i + 1] !== '=' && pattern[i + 1] !== '!') {
          const end = pattern.indexOf('>', i);
          i = end < 0 ? i + 1 : end + 1;
        } else {
          i += pattern[i] === '<' ? 2 : 1;
        }
      }
      lastGroup = null;
      continue;
    }
    if (c === ')') {
      const closed = stack.length > 1 ? (stack.pop() as Frame) : { complex: false };
      const parent = stack[stack.length - 1] as Frame;
      if (closed.complex) parent.complex = true;
      lastGroup = closed;
      i++;
      continue;
    }
    if (c === '|') {
      top.complex = true;
      lastGroup = null;
      i++;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      const repeats = quantifier.max > 1;
      if (quantifier.max === Number.POSITIVE_INFINITY || quantifier.max > 20) openRepeats++;
      if (repeats && lastGroup?.complex) {
        return 'repeats a group that itself repeats or has alternatives (like (a+)+ or (a|aa)*), which can take forever; simplify it';
      }
      top.complex = true;
      i = quantifier.end;
      if (pattern[i] === '?') i++; // lazy
      lastGroup = null;
      continue;
    }
    lastGroup = null;
    i++;
  }
  if (openRepeats > MAX_OPEN_REPEATS) {
    return `uses more than ${MAX_OPEN_REPEATS} open-ended repeats (*, + or {n,}), which can take forever on long titles; a leading or trailing .* is never needed`;
  }
  return null;
}

function readQuantifier(pattern: string, i: number): { max: number; end: number } | null {
  const c = pattern[i];
  if (c === '*' || c === '+') return { max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (c === '?') return { max: 1, end: i + 1 };
  if (c !== '{') return null;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (!match) return null; // a literal brace
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : Number.POSITIVE_INFINITY;
  return { max, end: i + match[0].length };
}

/** The pattern compiled case-insensitively, or null when it is invalid or refused. Never throws. */
export function compileTitleRegex(pattern: string): RegExp | null {
  if (regexProblem(pattern) !== null) return null;
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return null;
  }
}
