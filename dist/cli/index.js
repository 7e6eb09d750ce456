import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(726);

// A reader that stops early (`release-audit … | head`) closes the pipe: what it read stands and
// the exit code still gives the verdict, with no stack trace for the write that found it closed.
process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE')
        return;
    process.stderr.write(`release-audit: cannot write the report to standard output: ${error.message}\n`);
    process.exit(2);
});
const code = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text)
});
process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 726:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT_ERROR, EXIT_FINDINGS, EXIT_PASS

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/report/json.ts
function renderJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/baseline/meta.ts
/** The comparison with the previous release reports these; listed so reporters and docs know them. */
const BASELINE_RULES_META = {
    family: 'baseline',
    rules: {
        'baseline/new-file': {
            severity: 'warning',
            description: 'A file that the previous release did not ship (grouped by folder when there are many)'
        },
        'baseline/removed-file': {
            severity: 'warning',
            description: 'A file that the previous release shipped and this one does not'
        },
        'baseline/growth': {
            severity: 'warning',
            description: 'Total size, a file or the file count grew beyond the threshold since the previous release'
        }
    }
};
/** Families whose findings get marked "new since <baseline>" when the previous release had none there. */
const TRACKED_FAMILIES = ['sourcemap', 'private-file', 'secret'];

;// CONCATENATED MODULE: ./src/policy/meta.ts
const UNEXPECTED_FILE = 'policy/unexpected-file';
const FORBIDDEN_CONTENT = 'policy/forbidden-content';
const BUDGET = 'policy/budget';
const UNUSED_IGNORE = 'policy/unused-ignore';
const EXPIRED_IGNORE = 'policy/expired-ignore';
/**
 * The `policy` family. The first three come from the policy rule over artifact entries; the two
 * notices about the policy file itself come from applyPolicy (src/policy/apply.ts).
 */
const POLICY_RULES_META = {
    family: 'policy',
    rules: {
        [UNEXPECTED_FILE]: {
            severity: 'error',
            description: "A file that no glob in the policy's `allow` list expects"
        },
        [FORBIDDEN_CONTENT]: {
            severity: 'error',
            description: "Text matching one of the policy's `forbid` patterns (internal hosts, codenames)"
        },
        [BUDGET]: {
            severity: 'error',
            description: "An artifact over the policy's size or file-count `budgets`"
        },
        [UNUSED_IGNORE]: {
            severity: 'notice',
            description: 'An `ignore` entry of the policy matched no finding; it may be stale'
        },
        [EXPIRED_IGNORE]: {
            severity: 'notice',
            description: 'An `ignore` entry of the policy is past its `until` date and no longer applies'
        }
    }
};

;// CONCATENATED MODULE: ./src/rules/archive.ts
/** The walker reports these itself; listed here so reporters and docs know them like any rule. */
const ARCHIVE_RULES_META = {
    family: 'archive',
    rules: {
        'archive/unsafe-path': {
            severity: 'error',
            description: 'An entry path is absolute or climbs out of the archive with `..`'
        },
        'archive/unsafe-link': {
            severity: 'error',
            description: 'A symlink or hard link points outside the archive root'
        },
        'archive/unreadable': {
            severity: 'error',
            description: 'An archive or entry is corrupt or truncated, so part of it was not audited'
        },
        'archive/encrypted': {
            severity: 'error',
            description: 'An encrypted entry cannot be audited'
        },
        'archive/limit': {
            severity: 'error',
            description: 'A size, count, depth or compression-ratio limit stopped the audit of part of it'
        },
        'archive/unsupported': {
            severity: 'warning',
            description: 'A compression format that cannot be looked inside'
        },
        'archive/special-file': {
            severity: 'warning',
            description: 'A device file, FIFO or socket, which no release needs'
        }
    }
};
const AUDIT_RULES_META = {
    family: 'audit',
    rules: {
        'audit/rule-failed': {
            severity: 'error',
            description: 'A rule failed on an entry; that entry was not fully audited'
        }
    }
};

// EXTERNAL MODULE: ./src/engine/finding.ts
var finding = __nccwpck_require__(1247);
;// CONCATENATED MODULE: ./src/engine/rule.ts
function isFileEntry(entry) {
    return entry.kind === 'file' && 'content' in entry;
}

;// CONCATENATED MODULE: ./src/secrets/test-path.ts
/** Folder names whose content is test material: keys found there are reported one level lower. */
const TEST_FOLDERS = [
    'test',
    'tests',
    '__tests__',
    'spec',
    'specs',
    'fixture',
    'fixtures',
    '__fixtures__',
    'example',
    'examples',
    'mock',
    'mocks',
    '__mocks__',
    'testdata',
    '__snapshots__'
];
/** One of them as a whole path component that has a component after it (`/`, `\\`, `!/`). */
const TEST_FOLDER = new RegExp(`(?:^|[/\\\\])(?:${TEST_FOLDERS.join('|')})(?:[/\\\\]|!/)`, 'i');
/** Co-located test files (`auth.test.ts`, `client.spec.js`) and API doc examples (`iam.examples.json`). */
const TEST_FILE = /\.(?:test|spec|examples?)\.[A-Za-z0-9]+$/;
/**
 * Whether an entry path (any nesting level, `!/`-joined) lies in a test/fixture/example folder
 * or is a test file. Matching is on whole path components, case-insensitive. Runs for every
 * scanned file: two regex tests, no splitting.
 */
function isTestPath(path) {
    return TEST_FILE.test(path) || TEST_FOLDER.test(path);
}

;// CONCATENATED MODULE: ./src/secrets/redact.ts
/** At most this many characters of a secret ever reach a report. */
const MAX_SHOWN_CHARS = 4;
/**
 * `npm_AbCd…` style redaction: a short prefix and an ellipsis, never more than a quarter of the
 * value, so short passwords show nothing but the ellipsis.
 */
function redactSecret(value) {
    const shown = Math.min(MAX_SHOWN_CHARS, Math.floor(value.length / 4));
    return `${value.slice(0, shown)}…`;
}

;// CONCATENATED MODULE: ./src/secrets/detectors/private-key.ts
const HEADER = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----/y;
/** RSA 4096 PEM is ~3.3 KB; PGP blocks with subkeys run larger. A longer body is cut here. */
const MAX_BLOCK_CHARS = 64 * 1024;
const MIN_BODY_CHARS = 64;
/** Real newlines, and `\n` escapes as they appear when a key sits in a JS or JSON string. */
const LINE_BREAKS = /(?:\\+[rn])+|[\r\n]+/;
const QUOTING = /["'`+,;\s]/g;
const ESCAPED_SLASH = /\\\//g;
const OPENSSH_MAGIC = 'b3BlbnNzaC1rZXktdjE'; // base64 of "openssh-key-v1"
const DER_SEQUENCE = 0x30;
/** First byte of an OpenPGP secret-key packet: old format tag 5 (0x94–0x97) or new format 0xC5. */
const isPgpSecretKeyPacket = (byte) => (byte >= 0x94 && byte <= 0x97) || byte === 0xc5;
const TYPES = {
    '': 'PKCS#8 private key',
    'RSA ': 'RSA private key',
    'EC ': 'EC private key',
    'DSA ': 'DSA private key',
    'OPENSSH ': 'OpenSSH private key',
    'ENCRYPTED ': 'encrypted PKCS#8 private key',
    'PGP ': 'PGP private key block',
    'SSH2 ENCRYPTED ': 'SSH2 encrypted private key'
};
/** Reads the private key block whose `-----BEGIN` is at `at`, valid or not. */
function readPrivateKeyBlock(text, at) {
    HEADER.lastIndex = at;
    const header = HEADER.exec(text);
    if (header === null)
        return undefined;
    const label = header[1];
    const bodyStart = at + header[0].length;
    const limit = Math.min(text.length, bodyStart + MAX_BLOCK_CHARS);
    // A body never holds dashes: it ends at `-----END`, or at the next header of a broken block.
    // Searching a bounded window keeps many unterminated headers linear.
    const window = text.slice(bodyStart, limit);
    const dashes = window.indexOf('-----');
    const bodyEnd = dashes === -1 ? limit : bodyStart + dashes;
    const closing = window.startsWith('-----END', dashes) ? window.indexOf('-----', dashes + 8) : -1;
    const end = closing === -1 ? bodyEnd : bodyStart + closing + 5;
    let encrypted = label.includes('ENCRYPTED');
    const lines = [];
    for (const line of window.slice(0, bodyEnd - bodyStart).split(LINE_BREAKS)) {
        const stripped = line.replace(ESCAPED_SLASH, '/').replace(QUOTING, '');
        if (stripped.includes(':')) {
            encrypted ||= /ENCRYPTED/.test(stripped); // Proc-Type: 4,ENCRYPTED
            continue;
        }
        if (label === 'PGP ' && /^=[A-Za-z0-9+/]{4}$/.test(stripped))
            continue; // armor checksum
        lines.push(stripped);
    }
    const body = /^[A-Za-z0-9+/]*={0,2}/.exec(lines.join(''))?.[0] ?? '';
    const type = TYPES[label] ?? `${label.toLowerCase()}private key`;
    return { start: at, end, type, body, valid: isRealKeyBody(label, body, encrypted), encrypted };
}
function isRealKeyBody(label, body, encrypted) {
    if (body.length < MIN_BODY_CHARS)
        return false;
    if (label === 'OPENSSH ')
        return body.startsWith(OPENSSH_MAGIC);
    const first = Buffer.from(body.slice(0, 4), 'base64')[0];
    if (label === 'PGP ')
        return isPgpSecretKeyPacket(first);
    // Legacy encrypted PEM (Proc-Type header) and SSH2 bodies are ciphertext, not DER.
    if (encrypted && label !== 'ENCRYPTED ')
        return true;
    return first === DER_SEQUENCE;
}
const privateKey = {
    rule: 'secret/private-key',
    trigger: '-----BEGIN ',
    priority: 3,
    inBinary: true,
    confirm(text, at) {
        const block = readPrivateKeyBlock(text, at);
        if (!block?.valid)
            return undefined;
        return {
            start: block.start,
            end: block.end,
            value: block.body,
            type: block.type,
            ...(block.encrypted
                ? { severity: 'warning', note: 'it is encrypted with a passphrase' }
                : { severity: 'error' })
        };
    }
};

;// CONCATENATED MODULE: ./src/rules/placeholder.ts
/**
 * Shared judgement of whether a credential value is a placeholder rather than a real secret:
 * `${NPM_TOKEN}`, `<your-token>`, `xxxx`, `changeme`, doc examples such as `AKIAIOSFODNN7EXAMPLE`.
 * Used by the `private-file` family (to lower severity) and the `secret` detectors (to drop matches).
 */

/** `${VAR}`, `$VAR`, `${VAR:-default}`, `${{ secrets.X }}`, `%VAR%`, `{{ var }}`, `<…>`, `[…]`. */
const REFERENCE_SHAPES = [
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}?$/,
    /^\$\{\{.*\}\}$/,
    /^%[A-Za-z_][A-Za-z0-9_]*%$/,
    /^\{\{.*\}\}$/,
    /^<[^<>]*>$/,
    /^\[[^[\]]*\]$/
];
const PLACEHOLDER_WORDS = /^(?:change[-_ ]?me|change[-_ ]?it|password|passwd|secret|token|api[-_ ]?key|key|value|xxx+|\*+|\.+|-+|none|null|nil|undefined|todo|tbd|redacted|placeholder|example|dummy|fake|sample|test|testing|foo|bar|baz|foobar|default|empty|n\/a|your[-_ ]?.*|my[-_ ]?(?:token|secret|key|password|api[-_ ]?key)|insert[-_ ].*|replace[-_ ].*|enter[-_ ].*)$/i;
/** Markers that make a value a documentation example wherever they appear. */
const MARKERS = /example|dummy|fake|placeholder|sample|redacted|changeme|change_me|notarealkey|not[-_ ]?(?:a|my)[-_ ]?real|your[-_]?(?:api|access|secret|auth|own|personal|token|key|password)|insert[-_]?your|replace[-_]?(?:me|with|this)|\$\{|\{\{/i;
const SEQUENCES = /123456|abcdefghij|qwerty|abc123/i;
/**
 * A short chunk said over and over (`GFPYYSJZGFPYYSJZ…`, `abcdabcdabcd`): the filler of a
 * documentation key. Random bodies never repeat a chunk four times running.
 */
const REPEATED_CHUNK = /(.{2,8}?)\1{3,}/;
/** Separators ignored when judging how varied a value is (`XXXX-XXXX`, `xx.xx`). */
const SEPARATORS = /[-_.:/ ]/g;
function isPlaceholder(raw) {
    const value = unquote(raw.trim());
    if (value === '')
        return true;
    // A key is judged by its structure: 1,600 random base64 characters spell `fake` now and then.
    if (value.startsWith('-----BEGIN ')) {
        const block = readPrivateKeyBlock(value, 0);
        if (block !== undefined)
            return !block.valid;
    }
    if (REFERENCE_SHAPES.some((shape) => shape.test(value)))
        return true;
    const word = value.replace(/[-_]?\d{1,3}$/, ''); // `MYTOKEN1`, `password_2`
    if (PLACEHOLDER_WORDS.test(word) || PLACEHOLDER_WORDS.test(unleet(word)))
        return true;
    if (MARKERS.test(value) || SEQUENCES.test(value) || REPEATED_CHUNK.test(value))
        return true;
    return isMonotonous(value.replace(SEPARATORS, '')) || isEncodedPlaceholder(value);
}
/**
 * Base64 of readable text (`_auth` is base64 of `user:password`): judged by what it decodes to,
 * so `dXNlcjpjaGFuZ2VtZQ==` (`user:changeme`) is a placeholder. Random bytes do not decode to text.
 */
function isEncodedPlaceholder(value) {
    if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
        return false;
    const decoded = Buffer.from(value, 'base64').toString('latin1');
    if (!/^[\x20-\x7e]+$/.test(decoded))
        return false;
    const password = decoded.slice(decoded.indexOf(':') + 1);
    return isPlaceholder(decoded) || (password !== decoded && isPlaceholder(password));
}
/** Too few distinct characters, or one character dominating: `xxxxxxxx1234`, `00000000`. */
function isMonotonous(value) {
    if (value.length < 4)
        return value.length > 0 && new Set(value).size === 1;
    const counts = new Map();
    for (const char of value)
        counts.set(char, (counts.get(char) ?? 0) + 1);
    if (counts.size <= 2)
        return true;
    return Math.max(...counts.values()) / value.length >= 0.5;
}
const LEET = {
    '0': 'o',
    '1': 'i',
    '3': 'e',
    '4': 'a',
    '5': 's',
    '7': 't',
    '@': 'a',
    $: 's'
};
/** `s3cr3t`, `p@ssw0rd`: the words of examples, written the way examples write them. */
function unleet(word) {
    return word.replace(/[013457@$]/g, (c) => LEET[c]);
}
/** Strips one pair of matching surrounding quotes. */
function unquote(value) {
    if (value.length >= 2) {
        const first = value[0];
        if ((first === '"' || first === "'" || first === '`') && value.endsWith(first)) {
            return value.slice(1, -1);
        }
    }
    return value;
}

;// CONCATENATED MODULE: ./src/rules/private-file-verdict.ts


function summarizeCredentials(credentials) {
    const real = credentials.filter((c) => !isPlaceholder(c.value));
    return {
        real,
        placeholders: credentials.filter((c) => isPlaceholder(c.value)),
        listed: credentials.map((c) => ({
            key: c.key,
            line: c.line,
            value: redactSecret(c.value),
            placeholder: !real.includes(c)
        }))
    };
}
/** `_authToken (line 3)`, `_authToken (line 3) and 2 more`. */
function describeKeys(credentials) {
    const [first, ...rest] = credentials;
    const head = `${first.key} (line ${first.line})`;
    return rest.length === 0 ? head : `${head} and ${rest.length} more`;
}
/** 1-based line of a character index. */
function lineAt(text, index) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}

;// CONCATENATED MODULE: ./src/rules/private-file-paths.ts
// The private-file and secret rules both split each entry's path, one right after the other.
let lastPath;
let lastParts;
function splitEntryPath(path) {
    if (path === lastPath && lastParts !== undefined)
        return lastParts;
    const cut = path.lastIndexOf('!/');
    const outer = cut === -1 ? '' : path.slice(0, cut + 2);
    const last = path.slice(outer.length);
    // Runs for every entry: a plain split, unless there are backslashes, `//`, `/./` or edge slashes.
    let components = last.includes('\\') ? last.split(/[/\\]/) : last.split('/');
    if (components.includes('') || components.includes('.'))
        components = components.filter((c) => c !== '' && c !== '.');
    const name = components.at(-1) ?? '';
    lastPath = path;
    lastParts = { outer, components, name, lowerName: name.toLowerCase() };
    return lastParts;
}
/** Whether the path ends with these components (`['.aws', 'credentials']`), case-insensitive. */
function endsWithComponents(parts, tail) {
    const offset = parts.components.length - tail.length;
    return (offset >= 0 &&
        tail.every((c, i) => parts.components[offset + i].toLowerCase() === c.toLowerCase()));
}
/** The folder path (with outer archives and a trailing `/`) of the first `depth` components. */
function folderPath(parts, depth) {
    return `${parts.outer}${parts.components.slice(0, depth).join('/')}/`;
}
/** Whether the entry sits inside a `node_modules` folder (a dependency's file, not the project's). */
function isInDependency(parts) {
    return parts.components.slice(0, -1).includes('node_modules');
}

;// CONCATENATED MODULE: ./src/rules/private-file-credential-files.ts


const named = (...names) => (parts) => names.includes(parts.lowerName);
/** Built once per spec: matching runs for every file of every artifact. */
const under = (...tail) => {
    const last = tail[tail.length - 1].toLowerCase();
    return (parts) => parts.lowerName === last && endsWithComponents(parts, tail);
};
const anyOf = (...tests) => (parts) => tests.some((test) => test(parts));
/** `key = value` / `key: value` lines whose key matches; values unquoted, trailing comments cut. */
function readLines(pattern, keyOf = (k) => k) {
    return (text) => text.split('\n').flatMap((raw, i) => {
        const match = pattern.exec(raw);
        if (match === null)
            return [];
        const value = match[2]
            .replace(/\s+[#;].*$/, '')
            .trim()
            .replace(/^(["'])(.*)\1$/, '$2');
        return [{ key: keyOf(match[1]), value, line: i + 1 }];
    });
}
function readJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
const objectAt = (value, key) => {
    const found = value?.[key];
    return typeof found === 'object' && found !== null
        ? found
        : undefined;
};
/** String fields of JSON objects, located at the line of their first `"name"`. */
function jsonFields(text, entries, prefix = '') {
    return entries.flatMap(([key, value]) => typeof value === 'string'
        ? [{ key: `${prefix}${key}`, value, line: lineAt(text, text.indexOf(`"${key}"`)) }]
        : []);
}
function readGoogleCredentials(text) {
    const json = readJson(text);
    if (json?.type === 'service_account')
        return jsonFields(text, [['private_key', json.private_key]]);
    const client = objectAt(json, 'installed') ?? objectAt(json, 'web');
    return client ? jsonFields(text, [['client_secret', client.client_secret]]) : [];
}
function readDockerAuths(text) {
    const json = readJson(text);
    const auths = objectAt(json, 'auths') ?? json ?? {};
    return Object.entries(auths).flatMap(([registry, entry]) => {
        const fields = ['auth', 'password', 'identitytoken', 'registrytoken'].map((f) => [f, entry?.[f]]);
        return jsonFields(text, fields, `${registry} `);
    });
}
function readNetrc(text) {
    const credentials = [];
    const tokens = /\b(password|account)\s+(\S+)/g;
    for (let m = tokens.exec(text); m !== null; m = tokens.exec(text)) {
        credentials.push({ key: m[1], value: m[2], line: lineAt(text, m.index) });
    }
    return credentials;
}
function readUrlPasswords(text) {
    return text.split('\n').flatMap((raw, i) => {
        const match = /^\s*[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s@]+)@([^\s/:]+)/i.exec(raw);
        return match ? [{ key: `password for ${match[2]}`, value: match[1], line: i + 1 }] : [];
    });
}
const CREDENTIAL_FILES = [
    {
        label: 'npm/yarn config',
        matches: named('.npmrc', '.yarnrc'),
        read: readLines(/^\s*((?:\/\/[^\s=]*:)?_(?:authToken|auth|password))\s*=\s*(.*)$/)
    },
    {
        label: 'Yarn Berry config',
        matches: named('.yarnrc.yml'),
        read: readLines(/^\s*(npmAuthToken|npmAuthIdent|npmPassword)\s*:\s*(.*)$/)
    },
    {
        label: 'PyPI config',
        matches: named('.pypirc'),
        read: readLines(/^\s*(password)\s*[=:]\s*(.*)$/)
    },
    { label: 'netrc', matches: named('.netrc', '_netrc'), read: readNetrc },
    { label: 'Git credential store', matches: named('.git-credentials'), read: readUrlPasswords },
    {
        label: 'AWS credentials',
        matches: anyOf(under('.aws', 'credentials'), under('.aws', 'config')),
        read: readLines(/^\s*(aws_secret_access_key|aws_session_token)\s*=\s*(.*)$/i)
    },
    {
        label: 'Docker registry credentials',
        matches: anyOf(under('.docker', 'config.json'), named('.dockercfg')),
        read: readDockerAuths
    },
    {
        label: 'kubeconfig',
        matches: anyOf(under('.kube', 'config'), (parts) => /^kubeconfig(?:\.ya?ml)?$|\.kubeconfig$/.test(parts.lowerName)),
        read: readLines(/^\s*(token|client-key-data|password|client-secret|id-token|refresh-token|access-token)\s*:\s*(.*)$/)
    },
    {
        label: 'htpasswd',
        matches: named('.htpasswd'),
        read: readLines(/^([^:#\s][^:]*):(.+)$/, () => 'password hash')
    },
    {
        label: 'PostgreSQL password file',
        matches: named('.pgpass'),
        read: readLines(/^([^:#]*:[^:]*:[^:]*:[^:]*):(.+)$/, () => 'password')
    },
    {
        label: 'RubyGems credentials',
        matches: under('.gem', 'credentials'),
        read: readLines(/^\s*:?(rubygems_api_key|[a-z_]*api_key):?\s*(.*)$/)
    },
    {
        label: 'Cargo credentials',
        matches: anyOf(under('.cargo', 'credentials'), under('.cargo', 'credentials.toml')),
        read: readLines(/^\s*(token)\s*=\s*(.*)$/)
    },
    {
        label: 'GitHub CLI hosts',
        matches: under('gh', 'hosts.yml'),
        read: readLines(/^\s*(oauth_token)\s*:\s*(.*)$/)
    },
    {
        label: 'Vault token',
        matches: named('.vault-token'),
        read: (text) => [{ key: 'token', value: text.trim(), line: 1 }]
    },
    {
        label: 's3cmd config',
        matches: named('.s3cfg'),
        read: readLines(/^\s*(secret_key|access_token)\s*=\s*(.*)$/)
    },
    {
        label: 'Azure publish profile',
        matches: (parts) => parts.lowerName.endsWith('.publishsettings'),
        read: (text) => [...text.matchAll(/\buserPWD="([^"]*)"/g)].map((m) => ({
            key: 'userPWD',
            value: m[1],
            line: lineAt(text, m.index)
        }))
    },
    {
        label: 'Terraform state',
        matches: (parts) => /\.tfstate(?:\.backup)?$/.test(parts.lowerName),
        read: () => [],
        always: 'Terraform state stores resource attributes, secrets included, in plain text'
    },
    {
        label: 'Google Cloud credentials',
        matches: (parts) => parts.lowerName.endsWith('.json'),
        hints: [Buffer.from('service_account'), Buffer.from('client_secret')],
        read: readGoogleCredentials
    }
];

;// CONCATENATED MODULE: ./src/util/text.ts
function detectEncoding(content) {
    if (content[0] === 0xff && content[1] === 0xfe)
        return 'utf16le';
    if (content[0] === 0xfe && content[1] === 0xff)
        return 'utf16be';
    if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf)
        return 'bom-utf8';
    return 'plain';
}
const BOM_BYTES = { utf16le: 2, utf16be: 2, 'bom-utf8': 3, plain: 0 };
/** Length of the byte order mark the content opens with, 0 without one. */
function bomLength(content) {
    return BOM_BYTES[detectEncoding(content)];
}
/** A NUL byte in this many leading bytes marks a file as binary (UTF-16 text aside). */
const SNIFF_BYTES = 8 * 1024;
/** Binary content is not searched for text: secrets, forbidden patterns. */
function isBinary(content) {
    return content.subarray(0, SNIFF_BYTES).includes(0) && !isUtf16(content);
}
/** Whether the content is UTF-16 text by its byte order mark. */
function isUtf16(content) {
    const encoding = detectEncoding(content);
    return encoding === 'utf16le' || encoding === 'utf16be';
}
/**
 * The file's text without its byte order mark: UTF-16 decoded by its BOM, anything else with
 * `fallback` (`utf8`, or `latin1` where one byte must stay one character).
 */
function decodeText(content, fallback) {
    const encoding = detectEncoding(content);
    const start = BOM_BYTES[encoding];
    switch (encoding) {
        case 'utf16le':
            return content.toString('utf16le', start);
        case 'utf16be':
            return Buffer.from(content.subarray(start, content.length - (content.length % 2))) // swap16 wants pairs
                .swap16()
                .toString('utf16le');
        default:
            return content.toString(fallback, start);
    }
}
/**
 * Binary content in pieces of `chunkBytes`, each read `overlapBytes` past its end, so a match
 * across a cut is found whole, once: in the piece where it starts.
 */
function* latin1Chunks(content, chunkBytes, overlapBytes) {
    for (let start = 0; start < content.length; start += chunkBytes) {
        const end = Math.min(content.length, start + chunkBytes);
        const text = content.toString('latin1', start, Math.min(content.length, end + overlapBytes));
        yield { start, owned: end - start, text };
    }
}

;// CONCATENATED MODULE: ./src/rules/private-file-credentials.ts




/** JSON files are only parsed for credentials up to this size; real credential JSON is tiny. */
const MAX_HINTED_FILE_BYTES = 4 * 1024 * 1024;
/**
 * Credential files (`.npmrc` with auth, cloud credentials, kubeconfig with tokens, Terraform
 * state …): an error when a value is real, a warning when every value is a placeholder, and no
 * finding when the file carries no credential at all.
 */
function inspectCredentialFile(entry, parts) {
    const spec = CREDENTIAL_FILES.find((s) => s.matches(parts) &&
        (s.hints === undefined ||
            (entry.content.length <= MAX_HINTED_FILE_BYTES &&
                s.hints.some((h) => entry.content.includes(h)))));
    if (spec === undefined)
        return undefined;
    // `AWS credentials` + a file named `credentials` would read "AWS credentials credentials".
    const base = spec.label.toLowerCase().endsWith(parts.lowerName)
        ? `${spec.label} file`
        : `${spec.label} ${parts.name}`;
    if (spec.always !== undefined) {
        return {
            rule: 'private-file/credentials',
            severity: 'error',
            kind: 'secret',
            message: `${base}: ${spec.always}`
        };
    }
    const credentials = spec.read(decodeText(entry.content, 'utf8'));
    if (credentials.length === 0)
        return undefined;
    const { real, listed } = summarizeCredentials(credentials);
    const shared = {
        rule: 'private-file/credentials',
        kind: 'secret',
        details: { file: spec.label, credentials: listed }
    };
    if (real.length > 0) {
        return {
            ...shared,
            severity: 'error',
            line: real[0].line,
            message: `${base} holds credentials: ${describeKeys(real)}`
        };
    }
    return {
        ...shared,
        severity: (0,finding/* lowerSeverity */.DB)('error'),
        line: credentials[0].line,
        message: `${base} holds credential settings whose values look like placeholders (${describeKeys(credentials)}); one level lower`
    };
}

;// CONCATENATED MODULE: ./src/secrets/entropy.ts
/** Shannon entropy of a string in bits per character. */
function shannonEntropy(value) {
    if (value.length === 0)
        return 0;
    const counts = new Map();
    for (const char of value)
        counts.set(char, (counts.get(char) ?? 0) + 1);
    let bits = 0;
    for (const count of counts.values()) {
        const p = count / value.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
const MIN_RANDOM_LENGTH = 10;
const MAX_RANDOM_LENGTH = 200;
/** Random base64 of 16 chars scores ~3.8, hex of 32 ~3.8; English words and identifiers score lower. */
const MIN_RANDOM_ENTROPY_BITS = 3.5;
const MIN_HEX_RANDOM_LENGTH = 20;
const MIN_HEX_ENTROPY_BITS = 3.0;
/**
 * Whether a free-form value looks machine-generated: long enough, letters and digits mixed,
 * high entropy, and not shaped like an identifier path (`process.env.TOKEN`) or a URL.
 */
function looksRandom(value) {
    if (value.length < MIN_RANDOM_LENGTH || value.length > MAX_RANDOM_LENGTH)
        return false;
    if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value))
        return false;
    if (/\s/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        return false;
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))
        return false;
    // Hex draws from 16 symbols, so even a random 32-char value measures only ~3.4 bits.
    const hex = value.length >= MIN_HEX_RANDOM_LENGTH && /^[0-9a-f]+$/i.test(value);
    return shannonEntropy(value) >= (hex ? MIN_HEX_ENTROPY_BITS : MIN_RANDOM_ENTROPY_BITS);
}

;// CONCATENATED MODULE: ./src/secrets/generic-filters.ts
/**
 * What a `password=` / `token:` assignment holds when it is not a credential, learned from a
 * sweep of large real packages (aws-sdk, googleapis, openai; see docs/real-world.md). Only the
 * warning-level generic detector consults this; fixed-format tokens never do.
 */
/** Names of values that are tokens in the protocol sense: pagination, idempotency, state. */
const PROTOCOL_TOKEN_NAME = /(?:next|continuation|page|paging|pagination|change|request|idempotency|lifecycle|action|term|output|input|sync|cursor|state|session_?id)[_-]?token$|token[_-]?(?:type|url|uri|endpoint|id|ttl|expiry|expires?(?:_?at|_?in)?)$/i;
/** Names that hold metadata about a secret, not the secret: an ARN, a timestamp, a kind. */
const METADATA_NAME = /(?:arn|last_?used|type|kind|id|url|uri|name|length|policy|rotation\w*)$/i;
/** `urn:…`, `arn:…` identifiers. */
const IDENTIFIER_VALUE = /^(?:urn|arn):/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** `StreamDescription.Shards[-1].ShardId`: a property path, not a value. */
const PROPERTY_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[-?\d+\])+$/;
/** Doc values that spell out what they stand for: `SomeKindOfPassword123`, `my_recaptchaToken`. */
const SELF_DESCRIBING = /password|passwd|secret|token|api_?key|^(?:my|your)_/i;
function isNonSecretAssignment(name, value) {
    return (PROTOCOL_TOKEN_NAME.test(name) ||
        METADATA_NAME.test(name) ||
        IDENTIFIER_VALUE.test(value) ||
        ISO_TIME.test(value) ||
        PROPERTY_PATH.test(value) ||
        SELF_DESCRIBING.test(value));
}

;// CONCATENATED MODULE: ./src/secrets/detectors/token-detector.ts


/** `token` → `[Tt][Oo][Kk][Ee][Nn]`, so one case-sensitive prefilter can hold caseless words. */
function caseless(word) {
    return word.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
}
const ALNUM = /[A-Za-z0-9]/;
/** `tail` of tokens made of letters, digits and `_`: one more such character means a longer word. */
const WORD_TAIL = /[A-Za-z0-9_]/;
/** `tail` of tokens in the URL-safe alphabet (letters, digits, `_` and `-`). */
const URL_SAFE_TAIL = /[A-Za-z0-9_-]/;
/** Whether the character at `index` (if any) is a letter or digit. */
function isAlnumAt(text, index) {
    return index >= 0 && index < text.length && ALNUM.test(text[index]);
}
/**
 * A detector for a token with a fixed prefix: bounded on both sides, placeholders dropped,
 * optionally entropy-gated, then judged (checksum, live vs test) by the spec.
 */
function createTokenDetector(spec) {
    if (!spec.pattern.sticky)
        throw new Error(`token pattern for ${spec.rule} must be sticky`);
    return {
        rule: spec.rule,
        trigger: spec.trigger,
        priority: 3,
        inBinary: true,
        confirm(text, at) {
            const start = at - spec.offset;
            if (start < 0 || isAlnumAt(text, start - 1))
                return undefined;
            spec.pattern.lastIndex = start;
            const match = spec.pattern.exec(text);
            if (match === null)
                return undefined;
            const token = match[0];
            const end = start + token.length;
            if (end < text.length && spec.tail.test(text[end]))
                return undefined;
            const value = spec.secretOf?.(token) ?? token;
            if (isPlaceholder(value))
                return undefined;
            if (spec.minEntropy !== undefined && shannonEntropy(value) < spec.minEntropy)
                return undefined;
            const verdict = spec.judge(token);
            return verdict && { start, end, value, ...verdict };
        }
    };
}

;// CONCATENATED MODULE: ./src/secrets/detectors/assignments.ts




const KEN_OR_KEY = `${caseless('ke')}[NnYy]`;
const ORD_OR_D = `(?:${caseless('ord')}|${caseless('d')})`;
/** Blanks allowed between a name and its `=`/`:` (aligned columns in config files). */
const MAX_PADDING = 64;
/**
 * Names whose assigned value is a credential (password, passwd, secret, token, api_key, apikey),
 * shared by the AWS-secret and generic detectors. Each is anchored on a rare letter of the word
 * (`k`, `cr`, `w`) and checked backwards, which keeps the prefilter several times faster than
 * starting on `t`, `s` or `p`; the letters after the anchor are matched before the lookbehind,
 * which V8 tests several at a time. A hit starts at the anchor and ends where the keyword ends.
 */
const KEYWORDS = [
    `${KEN_OR_KEY}(?<=(?:${caseless('to')}|${caseless('api')}[_-]?)${KEN_OR_KEY})`,
    `${caseless('cret')}(?<=${caseless('secret')})`,
    `${caseless('w')}${ORD_OR_D}(?<=${caseless('passw')}${ORD_OR_D})`
].join('|');
/**
 * What `NAME_AND_OPERATOR` needs after the keyword, looked for ahead: most mentions of a keyword
 * in code assign nothing (`token?: string` passes, `getToken()` does not), and ruling them out in
 * the prefilter is far cheaper than confirming each. It also accepts the raw JSON spelling of
 * the same text (`\"` for a quote, `\t` for a tab), so it holds on a map's undecoded sources.
 */
const ASSIGNMENT_AHEAD = `(?=[A-Za-z0-9_.-]{0,24}(?:\\\\?["']\\]?|\\])?(?:[ \\t]|\\\\t){0,${MAX_PADDING}}[=:])`;
const KEYWORD_TRIGGER = `(?:${KEYWORDS})${ASSIGNMENT_AHEAD}`;
/**
 * The rest of the name after the keyword, then an assignment: `…_KEY = `, `Token": `, `secret:`,
 * `headers["x-api-key"] = `.
 */
const NAME_AND_OPERATOR = new RegExp(`([A-Za-z0-9_.-]{0,24})(?:["']\\]?|\\])?[ \\t]{0,${MAX_PADDING}}(===?|=>|:=|=|:)[ \\t]*`, 'y');
const QUOTED_VALUE = /(["'`])([^\s"'`\\]{1,200})\1/y;
/** Unquoted values run to the end of the line (or a comment, or the next `&` parameter). */
const BARE_VALUE = /[^\s"'`\\;,&<>(){}[\]]{1,200}(?=[ \t]*(?:$|#)|&)/my;
const NAME_CHAR = /[A-Za-z0-9_.-]/;
/** How far back a name or a line start is looked for (minified lines run to megabytes). */
const MAX_LOOKBACK_CHARS = 64;
/** Whether only indentation (and `export `/`set `) stands between the line start and `index`. */
function isAtLineStart(text, index) {
    const from = Math.max(0, index - MAX_LOOKBACK_CHARS);
    const before = text.slice(from, index);
    return (from === 0 ? /(?:^|\n)[ \t]*(?:(?:export|set)[ \t]+)?$/ : /\n[ \t]*(?:(?:export|set)[ \t]+)?$/).test(before);
}
/**
 * Reads `name = value` around a keyword ending at `keywordEnd`, in code, JSON, YAML, env or
 * query-string form.
 */
function readAssignment(text, keywordEnd) {
    NAME_AND_OPERATOR.lastIndex = keywordEnd;
    const head = NAME_AND_OPERATOR.exec(text);
    if (head === null)
        return undefined;
    let nameStart = keywordEnd;
    const nameLimit = Math.max(0, keywordEnd - MAX_LOOKBACK_CHARS);
    while (nameStart > nameLimit && NAME_CHAR.test(text[nameStart - 1]))
        nameStart--;
    const name = text.slice(nameStart, keywordEnd) + head[1];
    const valueAt = keywordEnd + head[0].length;
    QUOTED_VALUE.lastIndex = valueAt;
    const quoted = QUOTED_VALUE.exec(text);
    if (quoted !== null)
        return { name, value: quoted[2], valueStart: valueAt + 1 };
    // Unquoted values only where code cannot be: `KEY=value` lines (env, ini, YAML) and `?token=…`.
    const inQuery = head[2] === '=' && /[?&]/.test(text[nameStart - 1] ?? '') && text[nameStart - 2] !== '&';
    if (!inQuery && !isAtLineStart(text, nameStart))
        return undefined;
    BARE_VALUE.lastIndex = valueAt;
    const bare = BARE_VALUE.exec(text);
    return bare === null ? undefined : { name, value: bare[0], valueStart: valueAt };
}
const MIN_AWS_SECRET_ENTROPY_BITS = 4;
const awsSecretKey = {
    rule: 'secret/aws-secret-key',
    trigger: KEYWORD_TRIGGER,
    priority: 2,
    lineLocal: true,
    confirm(text, _at, end) {
        if (!/^secret$/i.test(text.slice(end - 6, end)))
            return undefined;
        const assignment = readAssignment(text, end);
        if (assignment === undefined || !/^[A-Za-z0-9/+]{40}$/.test(assignment.value))
            return undefined;
        const { name, value, valueStart } = assignment;
        if (!/aws|secret[_.-]?access[_.-]?key/i.test(name))
            return undefined;
        if (isPlaceholder(value) || shannonEntropy(value) < MIN_AWS_SECRET_ENTROPY_BITS)
            return undefined;
        return {
            start: valueStart,
            end: valueStart + 40,
            value,
            type: 'AWS secret access key',
            severity: 'error'
        };
    }
};
const genericSecret = {
    rule: 'secret/generic',
    trigger: KEYWORD_TRIGGER,
    priority: 1,
    lineLocal: true,
    confirm(text, _at, end) {
        const assignment = readAssignment(text, end);
        if (assignment === undefined)
            return undefined;
        const { name, value, valueStart } = assignment;
        if (isPlaceholder(value) || !looksRandom(value) || isNonSecretAssignment(name, value)) {
            return undefined;
        }
        return {
            start: valueStart,
            end: valueStart + value.length,
            value,
            type: `random-looking value assigned to ${name}`,
            severity: 'warning'
        };
    }
};
const NPMRC_AUTH = /_(authToken|auth|password)[ \t]*=[ \t]*([^\s#;]+)/y;
const MIN_NPMRC_VALUE_CHARS = 8;
/** Drops words such as `MYTOKEN1`; a legacy UUID token scores ~3.7, base64 of `user:pass` over 3. */
const MIN_NPMRC_ENTROPY_BITS = 3;
/** `//registry.npmjs.org/:_authToken=…`, `_auth=…`, `_password=…` in .npmrc syntax, anywhere. */
const npmrcAuth = {
    rule: 'secret/npmrc-auth',
    trigger: '_(?=auth|password)',
    priority: 2,
    confirm(text, at) {
        if (text[at - 1] !== ':' && !isAtLineStart(text, at))
            return undefined;
        NPMRC_AUTH.lastIndex = at;
        const match = NPMRC_AUTH.exec(text);
        if (match === null)
            return undefined;
        const raw = match[2];
        const value = raw.replace(/^["']|["']$/g, '');
        if (value.length < MIN_NPMRC_VALUE_CHARS || isPlaceholder(value))
            return undefined;
        if (shannonEntropy(value) < MIN_NPMRC_ENTROPY_BITS)
            return undefined;
        const start = at + match[0].length - raw.length;
        return {
            start,
            end: start + raw.length,
            value,
            type: `registry credential in .npmrc syntax (_${match[1]})`,
            severity: 'error'
        };
    }
};

;// CONCATENATED MODULE: ./src/secrets/detectors/service-token-detector.ts


const SERVICE_TOKEN_RULE = 'secret/service-token';
/**
 * A `secret/service-token` detector: a fixed-prefix token of one service. Line-local: its
 * patterns hold no line break and it reads one character either side of the token at most.
 */
function createServiceTokenDetector(spec) {
    const { type, accept, publicKeySha256, severity = 'error', note, ...token } = spec;
    const isPublic = (value) => publicKeySha256 !== undefined &&
        (0,external_node_crypto_namespaceObject.createHash)('sha256')
            .update(token.secretOf?.(value) ?? value)
            .digest('hex') === publicKeySha256;
    const detector = createTokenDetector({
        rule: SERVICE_TOKEN_RULE,
        ...token,
        judge: (value) => {
            if (accept !== undefined && !accept(value))
                return undefined;
            if (isPublic(value))
                return undefined;
            return { type: typeof type === 'string' ? type : type(value), severity, note };
        }
    });
    return { ...detector, lineLocal: true };
}
/**
 * Detectors that all share ONE trigger at the separator, so the prefilter tries one lookbehind
 * per `_` rather than one per service: on 40 MB of node_modules, 25 prefixes as separate
 * lookbehinds slow it by ~57 %, as this trigger by ~5 %. Each detector checks its own shape.
 */
function createSeparatedTokenDetectors(separator, specs) {
    const trigger = buildSeparatorTrigger(separator, specs.flatMap((spec) => spec.prefixes));
    return specs.map(({ prefixes, ...spec }) => {
        const offset = prefixes[0].length;
        if (prefixes.some((prefix) => prefix.length !== offset)) {
            throw new Error(`prefixes ${prefixes.join(', ')} must have one length`);
        }
        return createServiceTokenDetector({ ...spec, trigger, offset });
    });
}
/**
 * `_(?<=[fp]_)(?<=(?:h|nf)p…_)`-style: a class of the prefixes' last characters turns most
 * separators away at once, then the prefixes grouped by that last character are tried.
 */
function buildSeparatorTrigger(separator, prefixes) {
    const byLast = new Map();
    for (const prefix of new Set(prefixes)) {
        if (!/^[A-Za-z0-9_]{2,}$/.test(prefix))
            throw new Error(`bad token prefix ${prefix}`);
        const heads = byLast.get(prefix.at(-1) ?? '') ?? [];
        heads.push(prefix.slice(0, -1));
        byLast.set(prefix.at(-1) ?? '', heads);
    }
    const branches = [...byLast].map(([last, heads]) => heads.length === 1 ? heads[0] + last : `(?:${heads.join('|')})${last}`);
    const lasts = [...byLast.keys()].join('');
    return `${separator}(?<=[${lasts}]${separator})(?<=(?:${branches.join('|')})${separator})`;
}
/** Names a token by the first prefix of `types` it starts with. */
function nameByPrefix(types) {
    const prefixes = Object.keys(types).sort((a, b) => b.length - a.length);
    return (token) => types[prefixes.find((prefix) => token.startsWith(prefix)) ?? ''];
}

;// CONCATENATED MODULE: ./src/secrets/detectors/cloud-services.ts


const awsAccessKeyId = createTokenDetector({
    rule: 'secret/aws-access-key',
    trigger: 'A(?:KIA|SIA|BIA|CCA|3T[A-Z0-9])',
    offset: 0,
    // Key ids are base32 after the 4-character prefix; documentation keys end in EXAMPLE.
    pattern: /(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}/y,
    tail: /[A-Za-z0-9]/,
    minEntropy: 3,
    judge: (token) => ({
        type: token.startsWith('ASIA') ? 'AWS temporary access key id' : 'AWS access key id',
        severity: 'error'
    })
});
const googleApiKey = createTokenDetector({
    rule: 'secret/google-api-key',
    trigger: 'AIza',
    offset: 0,
    pattern: /AIza[A-Za-z0-9_-]{35}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.5,
    judge: () => ({ type: 'Google API key', severity: 'warning' })
});
const SLACK_TYPES = {
    b: 'Slack bot token',
    p: 'Slack user token',
    a: 'Slack workspace access token',
    r: 'Slack refresh token',
    s: 'Slack legacy token',
    e: 'Slack user token'
};
const slackToken = createTokenDetector({
    rule: 'secret/slack-token',
    trigger: '-(?<=xox[baprse]-)',
    offset: 4,
    // xoxb-<team digits>-<bot digits>-<secret>, xoxp- with three numeric parts, xoxa-2-…
    pattern: /xox[baprse]-(?:\d-)?\d{8,14}-[A-Za-z0-9-]{8,200}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3,
    judge: (token) => ({ type: SLACK_TYPES[token[3]], severity: 'error' })
});
const slackAppToken = createTokenDetector({
    rule: 'secret/slack-token',
    trigger: '-(?<=xapp-)',
    offset: 4,
    pattern: /xapp-\d-[A-Z0-9]{6,}-\d{6,}-[a-z0-9]{32,}/iy,
    tail: URL_SAFE_TAIL,
    minEntropy: 3,
    judge: () => ({ type: 'Slack app-level token', severity: 'error' })
});
const slackWebhook = createTokenDetector({
    rule: 'secret/slack-webhook',
    trigger: 'hooks\\.slack\\.com/',
    offset: 0,
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/(?:[A-Z0-9]{6,14}\/)?(?:\d{6,20}\/)?[A-Za-z0-9]{20,40}/y,
    tail: /[A-Za-z0-9]/,
    minEntropy: 3,
    secretOf: (url) => url.slice(url.lastIndexOf('/') + 1),
    judge: () => ({ type: 'Slack webhook URL', severity: 'error' })
});
const stripeKey = createTokenDetector({
    rule: 'secret/stripe-key',
    trigger: '_(?<=[rs]k_(?:live|test|prod)_)',
    offset: 7,
    pattern: /[rs]k_(?:live|test|prod)_[A-Za-z0-9]{10,99}/y,
    tail: WORD_TAIL,
    minEntropy: 3,
    judge: (token) => {
        const kind = token.startsWith('rk') ? 'restricted key' : 'secret key';
        return token.includes('_test_')
            ? { type: `Stripe test-mode ${kind}`, severity: 'warning', note: 'a test-mode key' }
            : { type: `Stripe live ${kind}`, severity: 'error' };
    }
});
const ANTHROPIC_TYPES = {
    api: 'Anthropic API key',
    admin: 'Anthropic admin API key',
    oat: 'Anthropic OAuth access token',
    ort: 'Anthropic OAuth refresh token'
};
/** `sk-` opens both Anthropic and OpenAI keys; the lookbehind keeps `task-`/`disk-` out. */
const SK_TRIGGER = '-(?<=(?<![A-Za-z0-9])sk-)';
const anthropicKey = createTokenDetector({
    rule: 'secret/anthropic-key',
    trigger: SK_TRIGGER,
    offset: 2,
    // API and admin keys end in "AA"; OAuth tokens have no published length, so only a minimum.
    pattern: /sk-ant-(?:(?:api|admin)\d\d-[A-Za-z0-9_-]{80,128}AA(?![A-Za-z0-9_-])|o[ar]t\d\d-[A-Za-z0-9_-]{40,300})/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.5,
    judge: (token) => ({
        type: ANTHROPIC_TYPES[token.slice(7).replace(/[0-9].*$/, '')],
        severity: 'error'
    })
});
const OPENAI_TYPES = {
    proj: 'OpenAI project API key',
    svcacct: 'OpenAI service account API key',
    admin: 'OpenAI admin API key',
    legacy: 'OpenAI API key'
};
const openaiKey = createTokenDetector({
    rule: 'secret/openai-key',
    trigger: SK_TRIGGER,
    offset: 2,
    // "T3BlbkFJ" is base64 of "OpenAI", embedded in every key format.
    pattern: /sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.5,
    judge: (token) => ({
        type: OPENAI_TYPES[/^sk-(proj|svcacct|admin)-/.exec(token)?.[1] ?? 'legacy'],
        severity: 'error'
    })
});
/** OpenRouter keys open with `sk-` too: sharing the trigger costs the prefilter nothing. */
const openRouterKey = createServiceTokenDetector({
    trigger: SK_TRIGGER,
    offset: 2,
    pattern: /sk-or-v1-[a-f0-9]{64}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.3,
    type: 'OpenRouter API key'
});
/**
 * DeepSeek's keys are `sk-` and 32 lower-case hex digits: a shape other OpenAI-compatible services
 * and hand-made ids can share, so a warning.
 */
const deepSeekKey = createServiceTokenDetector({
    trigger: SK_TRIGGER,
    offset: 2,
    pattern: /sk-[a-f0-9]{32}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.3,
    type: 'DeepSeek API key',
    severity: 'warning',
    note: 'the sk- + 32 hex shape is not unique to DeepSeek'
});

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
var external_node_zlib_default = /*#__PURE__*/__nccwpck_require__.n(external_node_zlib_namespaceObject);
;// CONCATENATED MODULE: ./src/secrets/checksum.ts

const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_CHARS = 6;
/**
 * GitHub (`ghp_` …) and npm (`npm_`) tokens end in the CRC32 of the random part, base62-encoded
 * and left-padded to 6 characters (github.blog 2021-04-05). Offline, this separates real tokens
 * from made-up ones.
 */
function hasValidTokenChecksum(body) {
    if (body.length <= CHECKSUM_CHARS)
        return false;
    const random = body.slice(0, -CHECKSUM_CHARS);
    return encodeBase62((0,external_node_zlib_namespaceObject.crc32)(random), CHECKSUM_CHARS) === body.slice(-CHECKSUM_CHARS);
}
function encodeBase62(value, width) {
    let digits = '';
    let rest = value;
    do {
        digits = BASE62_ALPHABET[rest % 62] + digits;
        rest = Math.floor(rest / 62);
    } while (rest > 0);
    return digits.padStart(width, '0');
}

;// CONCATENATED MODULE: ./src/secrets/detectors/code-hosts.ts


const CLASSIC_GITHUB_TYPES = {
    ghp: 'GitHub personal access token',
    gho: 'GitHub OAuth access token',
    ghu: 'GitHub user-to-server token',
    ghs: 'GitHub server-to-server token',
    ghr: 'GitHub refresh token'
};
const CHECKSUM_NOTE = 'its checksum does not match, so it is probably made up';
/** Tokens whose last 6 characters are a CRC32 checksum: a mismatch is at most a notice. */
function judgeChecksummed(type, body) {
    return hasValidTokenChecksum(body)
        ? { type, severity: 'error', note: 'checksum valid' }
        : { type, severity: 'notice', note: CHECKSUM_NOTE };
}
const githubClassicToken = createTokenDetector({
    rule: 'secret/github-token',
    trigger: '_(?<=gh[pousr]_)',
    offset: 3,
    pattern: /gh[pousr]_[A-Za-z0-9]{36}/y,
    tail: WORD_TAIL,
    judge: (token) => judgeChecksummed(CLASSIC_GITHUB_TYPES[token.slice(0, 3)], token.slice(4))
});
const githubFineGrainedToken = createTokenDetector({
    rule: 'secret/github-token',
    trigger: '_(?<=github_pat_)',
    offset: 10,
    pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/y,
    tail: WORD_TAIL,
    minEntropy: 4,
    judge: () => ({ type: 'GitHub fine-grained personal access token', severity: 'error' })
});
const npmToken = createTokenDetector({
    rule: 'secret/npm-token',
    trigger: '_(?<=npm_)',
    offset: 3,
    pattern: /npm_[A-Za-z0-9]{36}/y,
    tail: WORD_TAIL,
    judge: (token) => judgeChecksummed('npm access token', token.slice(4))
});
const GITLAB_TYPES = {
    glpat: 'GitLab personal access token',
    gldt: 'GitLab deploy token',
    glrt: 'GitLab runner token',
    glptt: 'GitLab pipeline trigger token',
    gloas: 'GitLab OAuth application secret',
    glagent: 'GitLab agent for Kubernetes token'
};
const gitlabToken = (trigger, offset, pattern) => createTokenDetector({
    rule: 'secret/gitlab-token',
    trigger,
    offset,
    pattern,
    tail: /[A-Za-z0-9_.-]/,
    minEntropy: 3,
    judge: (token) => ({
        type: GITLAB_TYPES[token.slice(0, token.indexOf('-'))],
        severity: 'error'
    })
});
/** One lookbehind for every prefix but `glpat`: each detector checks its own prefix's length. */
const GITLAB_TRIGGER = '-(?<=gl(?:dt|rt|ptt|oas|agent)-)';
// Legacy access tokens are 20 characters; routable ones are longer and end in `.` + 9 characters.
const gitlabPersonalToken = gitlabToken('-(?<=glpat-)', 5, /glpat-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?/y);
const gitlabDeployOrRunnerToken = gitlabToken(GITLAB_TRIGGER, 4, /gl(?:dt|rt)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?/y);
const gitlabTriggerOrOAuthToken = gitlabToken(GITLAB_TRIGGER, 5, /gl(?:ptt-[0-9a-f]{40}|oas-[0-9a-f]{64})/y);
const gitlabAgentToken = gitlabToken(GITLAB_TRIGGER, 7, /glagent-[A-Za-z0-9_-]{50}/y);
const pypiToken = createTokenDetector({
    rule: 'secret/pypi-token',
    trigger: '-(?<=pypi-)',
    offset: 4,
    // The body is a macaroon whose base64 always starts with "\x02\x01\x08pypi.org".
    pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/y,
    tail: URL_SAFE_TAIL,
    judge: () => ({ type: 'PyPI upload token', severity: 'error' })
});

;// CONCATENATED MODULE: ./src/secrets/detectors/database-url.ts


const SERVICES = {
    postgres: 'PostgreSQL',
    postgresql: 'PostgreSQL',
    mysql: 'MySQL',
    mariadb: 'MariaDB',
    mongodb: 'MongoDB',
    'mongodb+srv': 'MongoDB',
    redis: 'Redis',
    rediss: 'Redis',
    amqp: 'AMQP (RabbitMQ)',
    amqps: 'AMQP (RabbitMQ)',
    mssql: 'SQL Server',
    sqlserver: 'SQL Server',
    cockroachdb: 'CockroachDB',
    clickhouse: 'ClickHouse'
};
/** How far before the `@` the scheme may start: scheme, `://`, user and password. */
const MAX_USERINFO_CHARS = 300;
/** `scheme://user:password` right before the `@`. */
const USERINFO = /([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/([^\s/@:"'`]{0,128}):([^\s/@"'`]{1,256})$/;
const HOST = /[^\s/?#"'`<>,;)\]}\\]+/y;
/** Passwords of tutorials and dev setups that `isPlaceholder` does not know as such. */
const SAMPLE_PASSWORDS = new Set(['pass', 'pwd', 'pw', 'root', 'admin', 'guest']);
/** Hosts of a developer's own machine or of a docker-compose network (`db`, `postgres`). */
const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\]|host\.docker\.internal|[a-z0-9_-]+)$/i;
const DOCUMENTATION_HOST = /example|your|\$\{|\{\{|<|%7b/i;
/**
 * `secret/database-url`: a database or broker connection URL with a password in it
 * (`postgres://app:s3cr3t@db.internal:5432/prod`). Placeholders and documentation hosts are
 * dropped; a local development host is a warning, and only with a random-looking password.
 */
const databaseUrl = {
    rule: 'secret/database-url',
    // `@` is rare in code; the lookbehind wants `://` and a `user:password` before it. It must hold
    // on UTF-8 read byte by byte too (files, a map's raw JSON): there a character takes up to three
    // bytes, and a byte of one (`à` is `C3 A0`) can read as a no-break space, which `\s` takes.
    trigger: `@(?<=:\\/\\/[^\\t-\\r /@]{1,${3 * MAX_USERINFO_CHARS}}@)`,
    priority: 2,
    lineLocal: true,
    inBinary: true,
    confirm(text, at) {
        const from = Math.max(0, at - MAX_USERINFO_CHARS);
        const userinfo = USERINFO.exec(text.slice(from, at));
        if (userinfo === null)
            return undefined;
        const service = SERVICES[userinfo[1].toLowerCase()];
        if (service === undefined)
            return undefined;
        const password = userinfo[3];
        if (isPlaceholder(password) || SAMPLE_PASSWORDS.has(password.toLowerCase()))
            return undefined;
        HOST.lastIndex = at + 1;
        const host = HOST.exec(text)?.[0];
        if (host === undefined || DOCUMENTATION_HOST.test(host))
            return undefined;
        const start = from + userinfo.index;
        const end = at + 1 + host.length;
        const hostname = host.replace(/:\d+$/, '');
        const type = `${service} connection URL with a password`;
        if (!LOCAL_HOST.test(hostname))
            return { start, end, value: password, type, severity: 'error' };
        if (!looksRandom(password))
            return undefined; // `postgres:postgres@localhost`: a dev default
        return {
            start,
            end,
            value: password,
            type,
            severity: 'warning',
            note: `host ${hostname} is a local development host`
        };
    }
};

;// CONCATENATED MODULE: ./src/secrets/detectors/service-tokens-azure.ts

const BASE64_TAIL = /[A-Za-z0-9+/=]/;
const ACCOUNT_KEY = 'AccountKey=';
const SHARED_ACCESS_KEY = 'SharedAccessKey=';
/** The key itself, without the `Name=` of the connection-string field it was found by. */
const service_tokens_azure_valueOf = (field) => (token) => token.slice(field.length);
/**
 * SHA-256 of the account key of Azurite and the storage emulator (`devstoreaccount1`): public,
 * documented, and shipped in every build of `@azure/storage-blob`; not a leak.
 */
const EMULATOR_KEY_SHA256 = '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059';
/**
 * Azure credentials. Storage and Service Bus/Event Hubs keys have no prefix of their own: they
 * are found by the `AccountKey=`/`SharedAccessKey=` of the connection string that carries them
 * (the triggers join the prefilter's `A` and `S` leads). Entra ID (Azure AD) client secrets
 * carry `Q~` after a digit at their fourth character: `~` is rare in code, so it leads.
 */
const AZURE_SERVICE_TOKENS = [
    createServiceTokenDetector({
        trigger: ACCOUNT_KEY,
        offset: 0,
        // A 64-byte key in base64: 86 characters and `==`.
        pattern: /AccountKey=[A-Za-z0-9+/]{86}==/y,
        tail: BASE64_TAIL,
        minEntropy: 4.5,
        secretOf: service_tokens_azure_valueOf(ACCOUNT_KEY),
        publicKeySha256: EMULATOR_KEY_SHA256,
        type: 'Azure storage account key'
    }),
    createServiceTokenDetector({
        trigger: SHARED_ACCESS_KEY,
        offset: 0,
        // A 32-byte key in base64: 43 characters and `=`.
        pattern: /SharedAccessKey=[A-Za-z0-9+/]{43}=/y,
        tail: BASE64_TAIL,
        minEntropy: 4.2,
        secretOf: service_tokens_azure_valueOf(SHARED_ACCESS_KEY),
        type: 'Azure shared access key (Service Bus, Event Hubs, IoT Hub)'
    }),
    createServiceTokenDetector({
        trigger: '~(?<=[A-Za-z0-9_~.-]{3}\\dQ~)',
        offset: 5,
        pattern: /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/y,
        tail: /[A-Za-z0-9_~.-]/,
        minEntropy: 4,
        type: 'Microsoft Entra ID (Azure AD) client secret'
    })
];

;// CONCATENATED MODULE: ./src/secrets/detectors/service-tokens-dash-led.ts


const DASH_LED = [
    {
        prefixes: ['PMAK'],
        pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.3,
        type: 'Postman API key'
    },
    {
        prefixes: ['NRAK'],
        pattern: /NRAK-[A-Z0-9]{27}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.3,
        type: 'New Relic user API key'
    },
    {
        prefixes: ['pul'],
        pattern: /pul-[a-f0-9]{40}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3,
        type: 'Pulumi access token'
    },
    {
        prefixes: ['sq0atp', 'sq0csp'],
        pattern: /sq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43})/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.5,
        type: nameByPrefix({ sq0atp: 'Square access token', sq0csp: 'Square application secret' })
    },
    {
        prefixes: ['xai'],
        pattern: /xai-[A-Za-z0-9]{80}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 4,
        type: 'xAI API key'
    },
    {
        prefixes: ['pplx'],
        pattern: /pplx-[A-Za-z0-9]{48}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 4,
        type: 'Perplexity API key'
    },
    {
        prefixes: ['CFPAT'],
        pattern: /CFPAT-[A-Za-z0-9_-]{43}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.8,
        type: 'Contentful personal access token'
    },
    {
        prefixes: ['GOCSPX'],
        pattern: /GOCSPX-[A-Za-z0-9_-]{28}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.8,
        type: 'Google OAuth client secret'
    },
    {
        prefixes: ['FLWSECK'],
        pattern: /FLWSECK-[a-hA-H0-9]{32}-X/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.3,
        type: 'Flutterwave secret key'
    },
    {
        prefixes: ['FLWSECK_TEST'],
        pattern: /FLWSECK_TEST-[a-hA-H0-9]{32}-X/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.3,
        type: 'Flutterwave test secret key',
        severity: 'warning'
    },
    // `key-` + 32 hex is Mailgun's legacy API key, but also what a hash with a `key-` label looks
    // like: only free-standing ones count (not `cache-key-…`, `x.key-…`), and as a warning.
    {
        prefixes: ['key'],
        pattern: /(?<![\w$./-])key-[a-f0-9]{32}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.3,
        type: 'Mailgun API key',
        severity: 'warning',
        note: 'the key- prefix is not unique to Mailgun'
    }
];
const DASH_LED_SERVICE_TOKENS = [
    ...createSeparatedTokenDetectors('-', DASH_LED),
    // the prefix is the key itself, the data center follows: found at the `-` before `us<n>`
    createServiceTokenDetector({
        trigger: '-(?=us\\d)',
        offset: 32,
        pattern: /[a-f0-9]{32}-us\d{1,2}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: 'Mailchimp API key'
    })
];

;// CONCATENATED MODULE: ./src/secrets/bech32.ts
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
/** Bech32 (BIP-173) residue; Bech32m would be 0x2bc830a3. */
const BECH32_CONSTANT = 1;
/**
 * Whether a Bech32 string (`age-secret-key-1…`, any case) has a valid checksum: its last 6
 * characters. Age secret keys are Bech32 with the human-readable part `AGE-SECRET-KEY-`, so a
 * made-up key fails this offline check.
 */
function hasValidBech32Checksum(value) {
    const lower = value.toLowerCase();
    const separator = lower.lastIndexOf('1');
    if (separator < 1 || lower.length - separator - 1 < 6)
        return false;
    const values = [];
    for (const char of lower.slice(0, separator))
        values.push(char.charCodeAt(0) >> 5);
    values.push(0);
    for (const char of lower.slice(0, separator))
        values.push(char.charCodeAt(0) & 31);
    for (const char of lower.slice(separator + 1)) {
        const digit = CHARSET.indexOf(char);
        if (digit === -1)
            return false;
        values.push(digit);
    }
    return polymod(values) === BECH32_CONSTANT;
}
function polymod(values) {
    let check = 1;
    for (const value of values) {
        const top = check >>> 25;
        check = (((check & 0x1ffffff) << 5) ^ value) >>> 0;
        for (let i = 0; i < 5; i++)
            if ((top >>> i) & 1)
                check = (check ^ GENERATOR[i]) >>> 0;
    }
    return check;
}

;// CONCATENATED MODULE: ./src/secrets/detectors/service-tokens-letter-led.ts
/**
 * Service tokens with no `_`/`-` to stop at. Each trigger joins a lead the prefilter already
 * has (`A…`, `h…`) or opens with its format's fixed start (`SG.`). Every new lead character can
 * slow the prefilter over every byte scanned, and not by its frequency alone: on 40 MB of
 * bundled TypeScript, SendGrid as `G\.(?<=SG\.)` cost 15 %, as a plain `SG\.` nothing
 * measurable. Twilio's `SK…` would cost 3 % (for a key's SID, not its secret) and Databricks
 * (`dapi`), Doppler (`dp.pt.`) and Terraform Cloud (`.atlasv1.`) 5-16 % each, so those four are
 * left out.
 */



/** Telegram bot ids have 8 to 10 digits; one detector per length keeps each offset fixed. */
const telegramBotToken = (digits) => createServiceTokenDetector({
    trigger: 'A(?<=\\d:A)A',
    offset: digits + 1,
    pattern: new RegExp(`\\d{${digits}}:AA[A-Za-z0-9_-]{33}`, 'y'),
    tail: URL_SAFE_TAIL,
    minEntropy: 3.8,
    type: 'Telegram bot token'
});
const LETTER_LED_SERVICE_TOKENS = [
    createServiceTokenDetector({
        trigger: 'SG\\.',
        offset: 0,
        pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 4.3,
        type: 'SendGrid API key'
    }),
    createServiceTokenDetector({
        trigger: 'hv[sb]\\.',
        offset: 0,
        pattern: /hv(?:s\.[A-Za-z0-9_-]{90,200}|b\.[A-Za-z0-9_-]{138,300})/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 4.5,
        type: nameByPrefix({
            'hvs.': 'HashiCorp Vault service token',
            'hvb.': 'HashiCorp Vault batch token'
        })
    }),
    createServiceTokenDetector({
        trigger: 'AKCp',
        offset: 0,
        pattern: /AKCp[A-Za-z0-9]{69}/y,
        tail: WORD_TAIL,
        minEntropy: 4.3,
        type: 'JFrog Artifactory API key'
    }),
    createServiceTokenDetector({
        trigger: 'ATATT3',
        offset: 0,
        pattern: /ATATT3[A-Za-z0-9_=-]{186}/y,
        tail: /[A-Za-z0-9_=-]/,
        minEntropy: 5,
        type: 'Atlassian API token'
    }),
    // Bech32 carries a checksum: a key that fails it is made up, as for GitHub tokens.
    createTokenDetector({
        rule: SERVICE_TOKEN_RULE,
        trigger: 'AGE-SECRET-KEY-1',
        offset: 0,
        pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/y,
        tail: /[A-Za-z0-9]/,
        judge: (token) => hasValidBech32Checksum(token)
            ? { type: 'age secret key', severity: 'error', note: 'checksum valid' }
            : {
                type: 'age secret key',
                severity: 'notice',
                note: 'its checksum does not match, so it is probably made up'
            }
    }),
    telegramBotToken(8),
    telegramBotToken(9),
    telegramBotToken(10),
    createServiceTokenDetector({
        trigger: 'https:\\/\\/(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com\\/api\\/',
        offset: 0,
        pattern: /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,80}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 4,
        secretOf: (url) => url.slice(url.lastIndexOf('/') + 1),
        type: 'Discord webhook URL'
    })
];

;// CONCATENATED MODULE: ./src/secrets/detectors/supabase-service-key.ts


/** `{"alg":`, `{"typ":` or `{"kid":` in base64url: how a JWT header opens. */
const JWT_TRIGGER = 'J(?<=eyJ)(?=hbGciOi|0eXAiOi|raWQiOi)';
const JWT = /eyJ[A-Za-z0-9_-]{10,400}\.eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{20,400}/y;
const TYPE = 'Supabase service_role key';
function readClaims(jwt) {
    try {
        const claims = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
        return typeof claims === 'object' && claims !== null ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
const SUPABASE_SERVICE_KEY = {
    ...createTokenDetector({
        rule: SERVICE_TOKEN_RULE,
        trigger: JWT_TRIGGER,
        offset: 2,
        pattern: JWT,
        tail: URL_SAFE_TAIL,
        judge: (jwt) => {
            const claims = readClaims(jwt);
            // the demo key of every local stack (`supabase start`) is published: not a leak
            if (claims?.role !== 'service_role' || claims.iss === 'supabase-demo')
                return undefined;
            if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
                const day = new Date(claims.exp * 1000).toISOString().slice(0, 10);
                return { type: TYPE, severity: 'notice', note: `expired on ${day}` };
            }
            return { type: TYPE, severity: 'error' };
        }
    }),
    lineLocal: true
};

;// CONCATENATED MODULE: ./src/secrets/detectors/service-tokens.ts






/**
 * The body is letters only, so a long camelCase name (`hf_loadModelConfigurationFromServer`)
 * fits the shape. Random letters put capitals side by side; 1 token in 1,000 has no such pair.
 */
const hasRandomCase = (token) => /[A-Z]{2}/.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 5;
/** SHA-256 of the secret key that `supabase start` gives every local stack: public, not a leak. */
const SUPABASE_LOCAL_KEY_SHA256 = 'c85debb55f2f204d868cc1552c42faa143b4c675f61363ab040dd50b5b5304cd';
const UNDERSCORE_LED = [
    {
        prefixes: ['hf'],
        pattern: /hf_[A-Za-z]{34}/y,
        tail: WORD_TAIL,
        minEntropy: 3.8,
        accept: hasRandomCase,
        type: 'Hugging Face access token'
    },
    {
        prefixes: ['api_org'],
        pattern: /api_org_[A-Za-z]{34}/y,
        tail: WORD_TAIL,
        minEntropy: 3.8,
        accept: hasRandomCase,
        type: 'Hugging Face organization API token'
    },
    {
        prefixes: ['dckr_pat'],
        pattern: /dckr_pat_[A-Za-z0-9_-]{27}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.8,
        type: 'Docker Hub personal access token'
    },
    {
        prefixes: ['shpat', 'shpca', 'shppa', 'shpss'],
        pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/y,
        tail: WORD_TAIL,
        minEntropy: 3,
        type: nameByPrefix({
            shpat: 'Shopify Admin API access token',
            shpca: 'Shopify custom app access token',
            shppa: 'Shopify private app access token',
            shpss: 'Shopify app shared secret'
        })
    },
    {
        prefixes: ['dop', 'doo', 'dor'],
        pattern: /do[por]_v1_[a-f0-9]{64}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: nameByPrefix({
            dop: 'DigitalOcean personal access token',
            doo: 'DigitalOcean OAuth access token',
            dor: 'DigitalOcean OAuth refresh token'
        })
    },
    {
        prefixes: ['glc'],
        pattern: /glc_[A-Za-z0-9+/]{32,400}={0,2}/y,
        tail: /[A-Za-z0-9+/=_]/,
        minEntropy: 3.8,
        type: 'Grafana Cloud access policy token'
    },
    {
        prefixes: ['glsa'],
        pattern: /glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}/y,
        tail: WORD_TAIL,
        minEntropy: 4,
        type: 'Grafana service account token'
    },
    {
        prefixes: ['sntrys', 'sntryu'],
        // Org tokens: base64 of `{"iat":…,"region_url":…}` (the key at any of its 3 alignments),
        // then `_` and a 43-character secret.
        pattern: /sntry(?:u_[a-f0-9]{64}|s_eyJpYXQiO[A-Za-z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[A-Za-z0-9+/]{10,200}={0,2}_[A-Za-z0-9+/]{43})/y,
        tail: /[A-Za-z0-9+/=_]/,
        minEntropy: 3.3,
        type: nameByPrefix({
            sntrys_: 'Sentry organization auth token',
            sntryu_: 'Sentry user auth token'
        })
    },
    {
        prefixes: ['lin_api'],
        pattern: /lin_api_[A-Za-z0-9]{40}/y,
        tail: WORD_TAIL,
        minEntropy: 4,
        type: 'Linear API key'
    },
    {
        prefixes: ['fo1'],
        pattern: /fo1_[A-Za-z0-9_-]{43}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 4,
        type: 'Fly.io access token'
    },
    {
        prefixes: ['fm2'],
        // `FlyV1 fm2_…`: base64 macaroons, often several joined by commas into one credential.
        pattern: /fm2_[A-Za-z0-9+/]{100,4000}={0,3}(?:,fm2_[A-Za-z0-9+/]{20,4000}={0,3}){0,8}/y,
        tail: /[A-Za-z0-9+/=_]/,
        minEntropy: 4.5,
        type: 'Fly.io macaroon token'
    },
    {
        prefixes: ['sbp'],
        pattern: /sbp_[a-f0-9]{40}/y,
        tail: WORD_TAIL,
        minEntropy: 3,
        type: 'Supabase personal access token'
    },
    {
        prefixes: ['sb'],
        pattern: /sb_secret_[A-Za-z0-9_-]{30,40}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.8,
        publicKeySha256: SUPABASE_LOCAL_KEY_SHA256,
        type: 'Supabase secret API key'
    },
    {
        prefixes: ['pscale'],
        pattern: /pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}/y,
        tail: /[A-Za-z0-9_.-]/,
        minEntropy: 3.8,
        type: nameByPrefix({
            pscale_tkn_: 'PlanetScale service token',
            pscale_pw_: 'PlanetScale database password',
            pscale_oauth_: 'PlanetScale OAuth token'
        })
    },
    {
        prefixes: ['rubygems'],
        pattern: /rubygems_[a-f0-9]{48}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: 'RubyGems API key'
    },
    {
        prefixes: ['bkua'],
        pattern: /bkua_[a-z0-9]{40}/y,
        tail: WORD_TAIL,
        minEntropy: 3,
        type: 'Buildkite user access token'
    },
    {
        prefixes: ['figd'],
        pattern: /figd_[A-Za-z0-9_-]{40}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 4,
        type: 'Figma personal access token'
    },
    {
        prefixes: ['ntn'],
        pattern: /ntn_\d{11}[A-Za-z0-9]{35}/y,
        tail: WORD_TAIL,
        minEntropy: 4,
        type: 'Notion integration token'
    },
    {
        prefixes: ['nfp'],
        pattern: /nfp_[A-Za-z0-9]{36}/y,
        tail: WORD_TAIL,
        minEntropy: 3.8,
        type: 'Netlify personal access token'
    },
    {
        prefixes: ['gsk'],
        pattern: /gsk_[A-Za-z0-9]{52}/y,
        tail: WORD_TAIL,
        minEntropy: 4,
        type: 'Groq API key'
    },
    {
        prefixes: ['lsv2_pt', 'lsv2_sk'],
        pattern: /lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: nameByPrefix({
            lsv2_pt_: 'LangSmith personal access token',
            lsv2_sk_: 'LangSmith service key'
        })
    },
    {
        prefixes: ['shippo_live'],
        pattern: /shippo_live_[a-f0-9]{40}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: 'Shippo live API token'
    },
    {
        prefixes: ['shippo_test'],
        pattern: /shippo_test_[a-f0-9]{40}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: 'Shippo test API token',
        severity: 'warning'
    },
    {
        prefixes: ['whsec'],
        // Stripe's are 32 base62 characters (64 hex from its CLI), Svix's and Clerk's base64
        pattern: /whsec_[A-Za-z0-9+/]{32,88}={0,2}/y,
        tail: /[A-Za-z0-9+/=_]/,
        minEntropy: 3.5,
        type: 'Webhook signing secret (Stripe, Svix, Clerk)'
    },
    {
        prefixes: ['ops'],
        // a service account token is `ops_` + base64url of a JSON document (`{"signInAddress":…`)
        pattern: /ops_eyJ[A-Za-z0-9+/_-]{250,}={0,3}/y,
        tail: /[A-Za-z0-9+/=_-]/,
        minEntropy: 4,
        type: '1Password service account token'
    },
    {
        prefixes: ['pnu'],
        pattern: /pnu_[A-Za-z0-9]{36}/y,
        tail: WORD_TAIL,
        minEntropy: 3.8,
        type: 'Prefect API key'
    },
    {
        prefixes: ['rdme'],
        pattern: /rdme_[a-z0-9]{70}/y,
        tail: WORD_TAIL,
        minEntropy: 4,
        type: 'ReadMe API key'
    },
    {
        prefixes: ['squ', 'sqp', 'sqa'],
        pattern: /sq[upa]_[a-f0-9]{40}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: nameByPrefix({
            squ: 'SonarQube user token',
            sqp: 'SonarQube project analysis token',
            sqa: 'SonarQube global analysis token'
        })
    },
    {
        prefixes: ['duffel_live'],
        pattern: /duffel_live_[A-Za-z0-9_=-]{43}/y,
        tail: /[A-Za-z0-9_=-]/,
        minEntropy: 3.8,
        type: 'Duffel live API token'
    },
    {
        prefixes: ['duffel_test'],
        pattern: /duffel_test_[A-Za-z0-9_=-]{43}/y,
        tail: /[A-Za-z0-9_=-]/,
        minEntropy: 3.8,
        type: 'Duffel test API token',
        severity: 'warning'
    },
    {
        // `access_token$production$<merchant id>$<secret>`: found at the `_` of `access_token`
        prefixes: ['access'],
        pattern: /access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}/y,
        tail: WORD_TAIL,
        minEntropy: 3.5,
        type: 'Braintree production access token'
    },
    {
        prefixes: ['access'],
        pattern: /access_token\$sandbox\$[a-z0-9]{16}\$[a-f0-9]{32}/y,
        tail: WORD_TAIL,
        minEntropy: 3.5,
        type: 'Braintree sandbox access token',
        severity: 'warning'
    },
    {
        prefixes: ['sgp'],
        pattern: /sgp_(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}/y,
        tail: WORD_TAIL,
        minEntropy: 3.3,
        type: 'Sourcegraph access token'
    },
    {
        prefixes: ['r8'],
        pattern: /r8_[A-Za-z0-9_-]{37}/y,
        tail: URL_SAFE_TAIL,
        minEntropy: 3.8,
        type: 'Replicate API token'
    }
];
/** Every `secret/service-token` detector, whatever its lead character. */
const SERVICE_TOKEN_DETECTORS = [
    ...createSeparatedTokenDetectors('_', UNDERSCORE_LED),
    ...DASH_LED_SERVICE_TOKENS,
    ...LETTER_LED_SERVICE_TOKENS,
    ...AZURE_SERVICE_TOKENS,
    SUPABASE_SERVICE_KEY
];

;// CONCATENATED MODULE: ./src/secrets/detectors/index.ts






const DETECTORS = [
    githubClassicToken,
    githubFineGrainedToken,
    npmToken,
    npmrcAuth,
    gitlabPersonalToken,
    gitlabDeployOrRunnerToken,
    gitlabTriggerOrOAuthToken,
    gitlabAgentToken,
    pypiToken,
    awsAccessKeyId,
    awsSecretKey,
    googleApiKey,
    slackToken,
    slackAppToken,
    slackWebhook,
    stripeKey,
    anthropicKey,
    openaiKey,
    openRouterKey,
    deepSeekKey,
    ...SERVICE_TOKEN_DETECTORS,
    databaseUrl,
    privateKey,
    genericSecret
];

;// CONCATENATED MODULE: ./src/secrets/prefilter.ts
/** A trigger opening with a plain character can share that character with other triggers. */
const PLAIN_LEAD = /^[A-Za-z0-9_-]/;
/**
 * One regex holding every detector's trigger, so a text is searched once whatever the number of
 * detectors. Triggers opening with the same plain character are merged into one alternative
 * (`_(?:(?<=gh[pousr]_)|(?<=npm_)|…)`): V8 then tests that character once per position instead of
 * once per trigger, which nearly doubles throughput. A hit is confirmed by every detector of its
 * group, each checking its own shape on a small window.
 */
function buildPrefilter(detectors) {
    const groups = new Map();
    for (const detector of detectors) {
        assertTrigger(detector.trigger);
        const lead = PLAIN_LEAD.test(detector.trigger) ? detector.trigger[0] : detector.trigger;
        const group = groups.get(lead) ?? { triggers: new Set(), detectors: [] };
        group.triggers.add(detector.trigger);
        group.detectors.push(detector);
        groups.set(lead, group);
    }
    const sources = [...groups].map(([lead, { triggers }]) => {
        if (triggers.size === 1)
            return `(${[...triggers][0]})`;
        return `(${lead}(?:${[...triggers].map((t) => t.slice(lead.length)).join('|')}))`;
    });
    return {
        regex: new RegExp(sources.join('|'), 'g'),
        groups: [...groups.values()].map((g) => g.detectors)
    };
}
/** Triggers may not capture (groups identify the hit) nor alternate at top level (they get merged). */
function assertTrigger(trigger) {
    if (new RegExp(`${trigger}|`).exec('')?.length !== 1) {
        throw new Error(`secret trigger ${trigger} must not have capturing groups`);
    }
    if (PLAIN_LEAD.test(trigger) && hasTopLevelAlternation(trigger)) {
        throw new Error(`secret trigger ${trigger} must wrap its alternatives in (?:…)`);
    }
}
function hasTopLevelAlternation(source) {
    let depth = 0;
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const char = source[i];
        if (char === '\\')
            i++;
        else if (inClass)
            inClass = char !== ']';
        else if (char === '[')
            inClass = true;
        else if (char === '(')
            depth++;
        else if (char === ')')
            depth--;
        else if (char === '|' && depth === 0)
            return true;
    }
    return false;
}
/**
 * The prefilter's source without its negative assertions (`(?<!…)`, `(?!…)`): it then matches
 * wherever the original does and more. Used on raw JSON, where an escape (`\n`) can put a letter
 * before a token that the decoded text has a newline before.
 */
function dropNegativeAssertions(source) {
    let out = '';
    for (let i = 0; i < source.length; i++) {
        if (source[i] === '\\') {
            out += source.slice(i, i + 2);
            i++;
        }
        else if (source[i] === '[') {
            const end = findClassEnd(source, i);
            out += source.slice(i, end);
            i = end - 1;
        }
        else if (source.startsWith('(?<!', i) || source.startsWith('(?!', i)) {
            i = findGroupEnd(source, i) - 1;
        }
        else
            out += source[i];
    }
    return out;
}
/** Index just past the `]` closing the class opened at `start`. */
function findClassEnd(source, start) {
    for (let i = start + 1; i < source.length; i++) {
        if (source[i] === '\\')
            i++;
        else if (source[i] === ']')
            return i + 1;
    }
    throw new Error(`unterminated character class in ${source}`);
}
/** Index just past the `)` closing the group opened at `start`. */
function findGroupEnd(source, start) {
    let depth = 0;
    for (let i = start; i < source.length; i++) {
        if (source[i] === '\\')
            i++;
        else if (source[i] === '[')
            i = findClassEnd(source, i) - 1;
        else if (source[i] === '(')
            depth++;
        else if (source[i] === ')' && --depth === 0)
            return i + 1;
    }
    throw new Error(`unterminated group in ${source}`);
}

;// CONCATENATED MODULE: ./src/secrets/combined-prefilter.ts


/** Every detector's trigger in one regex: the one search each text gets. */
const PREFILTER = buildPrefilter(DETECTORS);
/**
 * The prefilter run on a JSON string's raw bytes. Without `\u` and `\/` escapes, every character
 * a trigger needs is written as itself, so a trigger found in the decoded text is found at the
 * same spot in the raw bytes; only negative assertions could differ (`\n` is a letter there).
 * Raw control characters (strict JSON forbids them; decoding takes them as themselves) are the
 * same characters in both.
 */
const RAW_PREFILTER_SOURCE = dropNegativeAssertions(PREFILTER.regex.source);
/** Index in `PREFILTER.groups` of the group a prefilter hit matched. */
function hitGroup(hit) {
    return hit.findIndex((value, i) => i > 0 && value !== undefined) - 1;
}

;// CONCATENATED MODULE: ./src/secrets/scan.ts



const TEST_FOLDER_NOTE = 'one level lower because it is under a test, fixture or example folder';
/** Texts from this size on are not left reachable through the last regex match. */
const LARGE_TEXT_CHARS = 1024 * 1024;
const ANY = /(?:)/;
/** Finds the high-confidence secrets in a text; values come back redacted, never whole. */
function scanSecrets(text, options = {}) {
    return findSecrets(text, options).map((m) => ({
        rule: m.rule,
        line: m.line,
        column: m.column,
        redacted: m.redacted,
        severity: m.severity,
        description: m.description
    }));
}
function findSecrets(text, options = {}) {
    const kept = dropOutranked(findCandidates(text, options.binary === true, options.utf8));
    if (text.length >= LARGE_TEXT_CHARS)
        forgetLastSubject();
    const matches = [];
    let line = 1;
    let lineStart = 0;
    for (const found of kept) {
        let newline = text.indexOf('\n', lineStart);
        while (newline !== -1 && newline < found.start) {
            line++;
            lineStart = newline + 1;
            newline = text.indexOf('\n', lineStart);
        }
        const notes = found.note === undefined ? [] : [found.note];
        if (options.inTestFolder)
            notes.push(TEST_FOLDER_NOTE);
        matches.push({
            rule: found.rule,
            line,
            column: found.start - lineStart + 1,
            index: found.start,
            redacted: redactSecret(found.value),
            severity: options.inTestFolder ? (0,finding/* lowerSeverity */.DB)(found.severity) : found.severity,
            description: notes.length === 0 ? found.type : `${found.type} (${notes.join('; ')})`
        });
    }
    return matches;
}
function findCandidates(text, binary, utf8) {
    const { regex, groups } = PREFILTER;
    const found = [];
    const lineOf = utf8 && lineLocator(text);
    regex.lastIndex = 0;
    for (let hit = regex.exec(text); hit !== null; hit = regex.exec(text)) {
        const hitEnd = hit.index + hit[0].length;
        for (const detector of groups[hitGroup(hit)]) {
            if (binary && detector.inBinary !== true)
                continue;
            const candidate = lineOf && utf8 && detector.lineLocal === true
                ? confirmOnDecodedLine(detector, text, utf8, lineOf(hit.index), hit.index, hitEnd)
                : detector.confirm(text, hit.index, hitEnd);
            if (candidate === undefined)
                continue;
            found.push({ ...candidate, rule: detector.rule, priority: detector.priority });
            // A fixed-format match (a key block above all) holds no other secret: skip its body.
            if (detector.priority === 3)
                regex.lastIndex = Math.max(regex.lastIndex, candidate.end);
        }
    }
    return found;
}
/**
 * Longer lines are confirmed as read: a minified line runs to megabytes, and each hit on a
 * decoded line costs a pass over it.
 */
const MAX_DECODED_LINE_BYTES = 16 * 1024;
const NON_ASCII = /[\u0080-\uffff]/;
const REPLACEMENT = '\ufffd';
/**
 * The line holding each hit, asked for in increasing order: each character is looked at about
 * once per file, however many hits a line has (a minified line can have thousands).
 */
function lineLocator(text) {
    let line = { start: 0, end: 0, decode: false, lastAt: 0, lastIndex: 0 };
    return (at) => {
        if (at < line.end)
            return line;
        const start = text.lastIndexOf('\n', at - 1) + 1; // not before the previous line's end
        const newline = text.indexOf('\n', at);
        const end = newline === -1 ? text.length : newline + 1;
        const decode = end - start <= MAX_DECODED_LINE_BYTES && NON_ASCII.test(text.slice(start, end));
        line = { start, end, decode, lastAt: start, lastIndex: 0 };
        return line;
    };
}
/**
 * `detector.confirm` on the hit's line decoded from UTF-8 when that line holds other than ASCII;
 * the candidate comes back in the text's offsets, its value decoded.
 */
function confirmOnDecodedLine(detector, text, utf8, line, at, hitEnd) {
    if (!line.decode)
        return detector.confirm(text, at, hitEnd);
    const from = utf8.offset + line.start;
    const decode = (start, end) => utf8.bytes.toString('utf8', from + start, from + end);
    const decoded = (line.decoded ??= decode(0, line.end - line.start));
    if (decoded.includes(REPLACEMENT)) {
        line.decode = false; // not UTF-8 (a legacy encoding): offsets would no longer map back
        return detector.confirm(text, at, hitEnd);
    }
    const lineAt = line.lastIndex + decode(line.lastAt - line.start, at - line.start).length;
    line.lastAt = at;
    line.lastIndex = lineAt;
    const candidate = detector.confirm(decoded, lineAt, lineAt + hitEnd - at); // the trigger is ASCII
    if (candidate === undefined)
        return undefined;
    const toText = (index) => line.start + Buffer.byteLength(decoded.slice(0, index));
    return { ...candidate, start: toText(candidate.start), end: toText(candidate.end) };
}
const PRIORITIES = [1, 2, 3];
/**
 * Drops every candidate overlapped by one of higher priority (a generic `token = "…"` holding
 * an `npm_` token is reported as the npm token only) and duplicates; returns them by position.
 */
function dropOutranked(found) {
    if (found.length <= 1)
        return found; // nearly every file: nothing to compare
    const sorted = [...found].sort((a, b) => a.start - b.start || b.priority - a.priority);
    const outranked = sorted.map(() => false);
    const maxEnd = PRIORITIES.map(() => -1);
    sorted.forEach((c, i) => {
        outranked[i] = maxEnd.some((end, p) => p + 1 > c.priority && end > c.start);
        maxEnd[c.priority - 1] = Math.max(maxEnd[c.priority - 1], c.end);
    });
    const minStart = PRIORITIES.map(() => Infinity);
    for (let i = sorted.length - 1; i >= 0; i--) {
        const c = sorted[i];
        outranked[i] ||= minStart.some((start, p) => p + 1 > c.priority && start < c.end);
        minStart[c.priority - 1] = Math.min(minStart[c.priority - 1], c.start);
    }
    const seen = new Set();
    return sorted.filter((c, i) => {
        const key = `${c.rule}@${c.start}`;
        if (outranked[i] || seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * V8 keeps the subject of the last successful regex match reachable (the legacy `RegExp.input`)
 * until another match succeeds. After a large file's scan that held a 12 MB string alive through
 * the whole arrival of the next entry; a match on an empty string lets it go.
 */
function forgetLastSubject() {
    ANY.exec('');
}

;// CONCATENATED MODULE: ./src/rules/private-file-env.ts






const TEMPLATE_WORDS = new Set([
    'example',
    'examples',
    'sample',
    'template',
    'dist',
    'defaults',
    'schema'
]);
/** `.env.ts`, `.env.d.ts`, `config.env.js`: code about env files, not env files. */
const CODE_EXTENSIONS = new Set([
    'js',
    'cjs',
    'mjs',
    'ts',
    'cts',
    'mts',
    'tsx',
    'jsx',
    'map',
    'md',
    'py'
]);
/** `.env`, `.env.production`, `prod.env`, `.envrc` → env; `.env.example` → template. */
function classifyEnvName(lowerName) {
    if (lowerName === '.envrc')
        return 'env';
    const match = /^(?:(.*)\.)?env(?:\.(.+))?$/.exec(lowerName);
    if (match === null || match[1] === undefined)
        return undefined;
    const suffixes = match[2]?.split('.') ?? [];
    if (suffixes.length > 0 && CODE_EXTENSIONS.has(suffixes[suffixes.length - 1]))
        return undefined;
    if (match[2] === 'vault')
        return 'vault';
    const words = [...suffixes, ...match[1].split('.')];
    return words.some((w) => TEMPLATE_WORDS.has(w)) ? 'template' : 'env';
}
/** Names that usually hold a credential; `NEXT_PUBLIC_…`-style names are public by design. */
const SECRET_NAME = /pass|pwd|secret|token|key|auth|credential|session|salt|cookie|jwt|bearer|webhook|dsn/i;
const PUBLIC_NAME = /public/i;
/** `scheme://user:password@host`. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s@/]+)@/i;
const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/;
function inspectEnvFile(entry, parts) {
    const kind = classifyEnvName(parts.lowerName);
    if (kind === undefined)
        return undefined;
    const verdict = (severity, message, extra = {}) => ({ rule: 'private-file/env', kind: 'secret', severity, message, ...extra });
    if (kind === 'vault') {
        return verdict('notice', `dotenv-vault file ${parts.name}: encrypted env values (keep its .env.keys out)`);
    }
    const variables = readVariables(decodeText(entry.content, 'utf8'));
    const candidates = variables.filter(isCredentialLike);
    // A template is expected to hold values; only random-looking ones or known token formats count.
    const secrets = candidates.filter((v) => kind === 'template'
        ? v.tokenFormat || looksRandom(secretPart(v.value))
        : !isPlaceholder(secretPart(v.value)));
    const details = {
        variables: variables.length,
        credentials: summarizeCredentials(candidates).listed
    };
    const named = `${kind === 'template' ? 'env template' : 'env file'} ${parts.name} (${variables.length} variable${variables.length === 1 ? '' : 's'})`;
    if (secrets.length > 0) {
        const holds = kind === 'template' ? 'holds real-looking values' : 'holds secrets';
        return verdict('error', `${named} ${holds}: ${describeKeys(secrets)}`, {
            line: secrets[0].line,
            details
        });
    }
    return kind === 'template'
        ? verdict('notice', `${named} with placeholder values`, { details })
        : verdict((0,finding/* lowerSeverity */.DB)('error'), `${named}; its values look like placeholders or hold no credentials, so one level lower`, { details });
}
function readVariables(text) {
    const tokenLines = new Set(scanSecrets(text)
        .filter((m) => m.rule !== 'secret/generic')
        .map((m) => m.line));
    const variables = [];
    text.split('\n').forEach((raw, i) => {
        const match = LINE.exec(raw);
        if (match === null)
            return;
        const value = unquote(match[2].replace(/\s+#.*$/, ''));
        variables.push({ key: match[1], value, line: i + 1, tokenFormat: tokenLines.has(i + 1) });
    });
    return variables;
}
function isCredentialLike(variable) {
    if (variable.tokenFormat || URL_PASSWORD.test(variable.value))
        return true;
    if (PUBLIC_NAME.test(variable.key))
        return false;
    // Whatever its name (`K=`, `APP_1=`), a long random value in an env file is a secret's shape.
    if (!SECRET_NAME.test(variable.key))
        return looksRandom(variable.value);
    // Flags and durations (`AUTH_ENABLED=true`, `SESSION_TTL=3600`) are settings, not secrets.
    return !/^(?:true|false|yes|no|on|off|\d+[a-z]{0,2})$/i.test(variable.value);
}
/** The password of a URL with credentials, else the value itself. */
function secretPart(value) {
    return URL_PASSWORD.exec(value)?.[1] ?? value;
}

;// CONCATENATED MODULE: ./src/rules/private-file-folders.ts




/** Folder names, matched exactly (a Map: path components such as `constructor` must not hit a prototype). */
const FOLDERS = new Map([
    ['.git', { rule: 'private-file/vcs', label: 'Git repository' }],
    ['.hg', { rule: 'private-file/vcs', label: 'Mercurial repository' }],
    ['.svn', { rule: 'private-file/vcs', label: 'Subversion working copy' }],
    ['.bzr', { rule: 'private-file/vcs', label: 'Bazaar repository' }],
    ['.gnupg', { rule: 'private-file/key', label: 'GnuPG home' }],
    ['.idea', { rule: 'private-file/editor', label: 'JetBrains IDE settings' }],
    ['.vscode', { rule: 'private-file/editor', label: 'VS Code settings' }],
    ['.vs', { rule: 'private-file/editor', label: 'Visual Studio settings' }],
    // VS Code's Local History extension: timestamped copies of every file saved
    ['.history', { rule: 'private-file/editor', label: 'VS Code Local History' }],
    ['__MACOSX', { rule: 'private-file/editor', label: 'macOS archive metadata' }],
    ['.claude', { rule: 'private-file/agent', label: 'Claude Code settings' }],
    ['.cursor', { rule: 'private-file/agent', label: 'Cursor settings and rules' }],
    ['.windsurf', { rule: 'private-file/agent', label: 'Windsurf settings and rules' }],
    ['.gemini', { rule: 'private-file/agent', label: 'Gemini CLI settings' }]
]);
const WHY = {
    'private-file/vcs': 'it can hold the whole history, unreleased code and remote URLs',
    'private-file/key': 'it holds secret keys (private-keys-v1.d, secring.gpg) and the keyrings',
    'private-file/editor': 'editor/OS litter that should not ship',
    'private-file/agent': 'AI agent configuration and instructions that should not ship'
};
/** In a `.git/config`: a remote URL with a password, or the auth header actions/checkout persists. */
const GIT_CONFIG_CREDENTIAL = /(?:url\s*=\s*[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s@]+)@|extraheader\s*=\s*AUTHORIZATION:\s*\w+\s+(\S+))/i;
/**
 * VCS, editor and agent folders, recognised from any entry path under them (zips often have no
 * directory entries) and reported once per folder, with a file count, when the walk ends.
 */
class FolderTracker {
    folders = new Map();
    track(entry, parts) {
        const depth = entry.kind === 'directory' ? parts.components.length : parts.components.length - 1;
        for (let i = 0; i < depth; i++) {
            const kind = FOLDERS.get(parts.components[i]);
            if (kind === undefined)
                continue;
            const path = folderPath(parts, i + 1);
            const folder = this.folders.get(path) ?? {
                kind,
                path,
                entry,
                files: 0,
                inDependency: parts.components.slice(0, i).includes('node_modules')
            };
            this.folders.set(path, folder);
            if (entry.kind === 'file')
                folder.files++;
            const isConfig = kind.rule === 'private-file/vcs' && i === parts.components.length - 2;
            if (isConfig && parts.name === 'config' && isFileEntry(entry)) {
                const found = GIT_CONFIG_CREDENTIAL.exec(entry.content.toString('latin1'));
                if (found)
                    folder.credential = redactSecret(found[1] ?? found[2]);
            }
        }
    }
    reports() {
        return [...this.folders.values()].map((folder) => {
            const { kind, path, files, credential } = folder;
            // litter that came with a dependency is lowered; a repository or secret keys are not
            const lowered = folder.inDependency &&
                (kind.rule === 'private-file/editor' || kind.rule === 'private-file/agent');
            const base = `${kind.label} folder ${path} (${files} file${files === 1 ? '' : 's'}): ${WHY[kind.rule]}`;
            const secret = credential === undefined ? '' : `; its config holds a credential (${credential})`;
            const note = lowered
                ? '; one level lower because it is inside a dependency (node_modules)'
                : '';
            return {
                rule: kind.rule,
                entry: { ...folder.entry, path, kind: 'directory', size: 0 },
                message: `${base}${secret}${note}`,
                ...(lowered ? { severity: (0,finding/* lowerSeverity */.DB)('warning') } : {}),
                details: { folder: path, files, ...(credential === undefined ? {} : { credential }) }
            };
        });
    }
}

;// CONCATENATED MODULE: ./src/rules/private-file-keys.ts




const SSH_KEY_NAME = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/;
const ARMORED_EXTENSIONS = /\.(?:asc|gpg|pgp)$/;
/** PEM, armored and PuTTY extensions in one test (it runs twice for every file). */
const KEY_NAME_EXTENSIONS = /\.(?:pem|key|asc|gpg|pgp|ppk)$/;
const HOLDS_KEYS = 'holds private keys (only a password protects them)';
const KEYSTORES = [
    [/\.(?:p12|pfx)$/, 'PKCS#12 keystore', HOLDS_KEYS],
    [/\.(?:jks|keystore|bks)$/, 'Java keystore', HOLDS_KEYS],
    [
        /\.kdbx?$/,
        'KeePass password database',
        'holds passwords (only its master password protects them)'
    ]
];
/** First byte of a binary OpenPGP secret-key packet (old format tag 5, or new format). */
const PGP_SECRET_KEY_BYTES = new Set([0x94, 0x95, 0x96, 0x97, 0xc5]);
/** Only a file's opening is checked for a key when its name says nothing. */
const HEAD_BYTES = 1024;
const verdict = (severity, message, line) => ({
    rule: 'private-file/key',
    severity,
    kind: 'secret',
    message,
    ...(line === undefined ? {} : { line })
});
/**
 * Private keys and keystores: by name (`id_rsa`, `*.p12`, `*.jks`, `*.ppk`), by name and content
 * (`*.pem`/`*.key`/`*.asc` holding a private key block), or by content alone (a file that opens
 * with a private key block, such as a `deploy_key`).
 */
function inspectKeyFile(entry, parts) {
    const { name, lowerName } = parts;
    for (const [pattern, label, holds] of KEYSTORES) {
        if (!pattern.test(lowerName))
            continue;
        if (entry.content.length === 0)
            return verdict('warning', `${label} ${name} is empty; one level lower`);
        if (lowerName === 'debug.keystore') {
            return verdict('warning', `Android debug keystore ${name} (its password is well known); one level lower`);
        }
        return verdict('error', `${label} ${name}: ${holds}`);
    }
    if (lowerName.endsWith('.ppk'))
        return inspectPuttyKey(entry, name);
    if (ARMORED_EXTENSIONS.test(lowerName) && PGP_SECRET_KEY_BYTES.has(entry.content[0])) {
        return verdict('error', `OpenPGP secret key ${name} (binary)`);
    }
    if (isNamedLikeKey(lowerName)) {
        return inspectKeyBlock(entry.content.toString('latin1'), name, SSH_KEY_NAME.test(lowerName));
    }
    if (!opensWithPrivateKey(entry.content))
        return undefined;
    const block = readPrivateKeyBlock(entry.content.toString('latin1'), entry.content.indexOf('-----BEGIN'));
    return block?.valid ? keyVerdict(block.type, block.encrypted, name, 1) : undefined;
}
/**
 * Whether this rule judges the file as a whole as a key file, so the secret rule need not report
 * the key block inside it again.
 */
function isKeyFile(entry, parts) {
    return isNamedLikeKey(parts.lowerName) || opensWithPrivateKey(entry.content);
}
function isNamedLikeKey(lowerName) {
    return KEY_NAME_EXTENSIONS.test(lowerName) || SSH_KEY_NAME.test(lowerName);
}
function opensWithPrivateKey(content) {
    if (!opensWithDash(content))
        return false; // nearly every file: no string made
    const head = content
        .subarray(bomLength(content), HEAD_BYTES)
        .toString('latin1')
        .replace(/^\s*/, '');
    return /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY/.test(head);
}
/**
 * Whether the first byte past a byte order mark and leading whitespace (`\s` in latin1) within
 * HEAD_BYTES is `-`.
 */
function opensWithDash(content) {
    const end = Math.min(content.length, HEAD_BYTES);
    for (let i = bomLength(content); i < end; i++) {
        const byte = content[i];
        if (byte === 0x2d)
            return true;
        if (!(byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0xa0))
            return false;
    }
    return false;
}
function inspectKeyBlock(text, name, sshName) {
    const at = text.search(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY/);
    if (at === -1) {
        return sshName
            ? verdict('warning', `${name} is named like an SSH private key but holds no key block; one level lower`)
            : undefined;
    }
    const block = readPrivateKeyBlock(text, at);
    if (block === undefined)
        return undefined;
    const line = lineAt(text, at);
    if (!block.valid) {
        return verdict('warning', `${name} holds a ${block.type} block whose body looks like a placeholder; one level lower`, line);
    }
    return keyVerdict(block.type, block.encrypted, name, line);
}
function keyVerdict(type, encrypted, name, line) {
    return encrypted
        ? verdict((0,finding/* lowerSeverity */.DB)('error'), `${type} file ${name}, encrypted with a passphrase; one level lower`, line)
        : verdict('error', `${type} file ${name}`, line);
}
function inspectPuttyKey(entry, name) {
    const text = entry.content.toString('latin1');
    if (!/^PuTTY-User-Key-File-\d+:/m.test(text) || !/^Private-Lines:/m.test(text)) {
        return verdict('warning', `${name} is named like a PuTTY private key but holds none; one level lower`);
    }
    return /^Encryption:\s*none\s*$/m.test(text)
        ? verdict('error', `PuTTY private key ${name} (not encrypted)`)
        : verdict((0,finding/* lowerSeverity */.DB)('error'), `PuTTY private key ${name}, encrypted with a passphrase; one level lower`);
}

;// CONCATENATED MODULE: ./src/rules/private-file-internal-doc.ts
/** Documents, not code: a code file saying "internal" is normal, a document saying so is a label. */
const DOCUMENT = /\.(?:md|markdown|mdx|txt|rst|adoc|asciidoc|org|rtf|pdf|docx?|odt|pptx?|xlsx?)$/i;
/** Documents whose text is compressed or encoded: their labels cannot be read from the bytes. */
const ENCODED_DOCUMENT = /\.(?:pdf|docx?|odt|pptx?|xlsx?|rtf)$/i;
/** A file or folder name that marks what is in it as not for release. */
const MARKED_NAME = /^(?:internal|confidential)(?:[-_. ](?:only|notes?|docs?|use))*\.[a-z]+$|[-_.](?:confidential|internal[-_.]only)\.[a-z]+$/i;
const MARKED_FOLDER = /^(?:internal|private|confidential)[-_](?:docs?|notes|wiki)$|^docs?[-_]internal$/i;
/**
 * Labels that classify a document, as they stand in its first lines. Not "for internal use
 * (only)": published helper packages say that of themselves (`@azure/storage-common`).
 */
const LABEL = /\b(?:company confidential|strictly confidential|do not distribute|not for (?:public )?(?:distribution|release)|confidential[^\n]{0,20}do not (?:share|forward))\b/i;
const LABEL_BYTES = 4096;
/** A banner line is short; a longer line is prose. */
const MAX_BANNER_CHARS = 60;
const LICENSE_NAME = /^(?:licen[cs]e|copying|notice)(?:[-_.].*)?$/i;
/**
 * Internal documents: a document whose name or folder marks it internal or confidential
 * (`INTERNAL.md`, `roadmap.confidential.pdf`, `internal-docs/`), or whose first lines carry a
 * classification label (`Company Confidential`, `Do not distribute`).
 * Licence files are not read for labels: proprietary licences say such things on purpose.
 */
function inspectInternalDoc(entry, parts) {
    if (!DOCUMENT.test(parts.lowerName))
        return undefined;
    const folder = parts.components.slice(0, -1).find((c) => MARKED_FOLDER.test(c));
    const why = MARKED_NAME.test(parts.name)
        ? 'its name marks it internal'
        : folder !== undefined
            ? `it sits in the folder ${folder}/`
            : labelOf(entry, parts);
    if (why === undefined)
        return undefined;
    return {
        rule: 'private-file/internal-doc',
        severity: 'warning',
        kind: 'litter',
        message: `internal document ${parts.name}: ${why}; documents meant for the team should not ship`
    };
}
function labelOf(entry, parts) {
    if (LICENSE_NAME.test(parts.name) || ENCODED_DOCUMENT.test(parts.name))
        return undefined;
    for (const line of entry.content.toString('utf8', 0, LABEL_BYTES).split('\n')) {
        const label = bannerLabel(line);
        if (label !== undefined)
            return `it is labelled "${label}"`;
    }
    return undefined;
}
/**
 * The label of a line that is a classification banner: the label alone (`**Company
 * Confidential**`, `Do not distribute.`), or a short line in capitals (`CONFIDENTIAL - DO NOT
 * DISTRIBUTE`). A sentence that merely uses the words ("your key is secret, do not distribute
 * it") is not one.
 */
function bannerLabel(line) {
    const text = line.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
    if (text.length > MAX_BANNER_CHARS)
        return undefined;
    const label = LABEL.exec(text);
    if (label === null)
        return undefined;
    return label[0].length === text.length || text === text.toUpperCase() ? label[0] : undefined;
}

;// CONCATENATED MODULE: ./src/rules/private-file-litter.ts



const EDITOR_FILES = new Map([
    ['.ds_store', 'macOS Finder metadata'],
    ['thumbs.db', 'Windows thumbnail cache'],
    ['desktop.ini', 'Windows folder settings']
]);
const AGENT_FILES = new Map([
    ['CLAUDE.md', 'Claude Code instructions'],
    ['CLAUDE.local.md', 'Claude Code local instructions'],
    ['AGENTS.md', 'AI agent instructions'],
    ['GEMINI.md', 'Gemini CLI instructions'],
    ['.cursorrules', 'Cursor rules'],
    ['.windsurfrules', 'Windsurf rules']
]);
/** Command histories kept in a home folder: what was typed, tokens in `export` lines included. */
const HISTORY_FILES = new Map([
    ['.bash_history', 'bash history'],
    ['.zsh_history', 'zsh history'],
    ['.sh_history', 'shell history'],
    ['.ash_history', 'shell history'],
    ['.history', 'shell history'],
    ['fish_history', 'fish history'],
    ['.psql_history', 'psql history'],
    ['.mysql_history', 'MySQL client history'],
    ['.sqlite_history', 'SQLite shell history'],
    ['.rediscli_history', 'redis-cli history'],
    ['.dbshell', 'MongoDB shell history'],
    ['.python_history', 'Python REPL history'],
    ['.node_repl_history', 'Node.js REPL history'],
    ['.irb_history', 'Ruby irb history'],
    ['.pry_history', 'Ruby pry history'],
    ['.viminfo', 'Vim history (commands, searches, registers)']
]);
/**
 * Shell, database-client and REPL histories: every command typed, including the tokens and
 * passwords passed on command lines (`export GITHUB_TOKEN=…`, `psql postgres://user:pw@…`).
 * A warning whatever they hold: the secret rules report any credential in them on its own line.
 */
function inspectHistoryFile(entry, parts) {
    const label = HISTORY_FILES.get(parts.lowerName);
    if (label === undefined)
        return undefined;
    const empty = entry.content.length === 0;
    return {
        rule: 'private-file/history',
        severity: empty ? 'notice' : 'warning',
        kind: 'litter',
        message: empty
            ? `${label} ${parts.name} is empty; it still names a developer's machine and should not ship; one level lower`
            : `${label} ${parts.name}: commands typed on a developer's machine or a runner, often with tokens and passwords in them`
    };
}
/** `.DS_Store`, `Thumbs.db`, vim swap files, `file~` backups. */
function inspectEditorFile(parts) {
    const label = EDITOR_FILES.get(parts.lowerName) ??
        (/^\..*\.sw[po]$/.test(parts.lowerName) ? 'vim swap file' : undefined) ??
        (parts.name.length > 1 && parts.name.endsWith('~') ? 'editor backup file' : undefined);
    if (label === undefined)
        return undefined;
    return {
        rule: 'private-file/editor',
        severity: 'warning',
        kind: 'litter',
        message: `${label} ${parts.name}: editor/OS litter that should not ship`
    };
}
/** Agent instruction files, and MCP configs that pass credentials to servers. */
function inspectAgentFile(entry, parts) {
    if (parts.lowerName === '.mcp.json' || parts.lowerName === 'mcp.json')
        return inspectMcpConfig(entry, parts);
    const label = AGENT_FILES.get(parts.name) ??
        (endsWithComponents(parts, ['.github', 'copilot-instructions.md'])
            ? 'GitHub Copilot instructions'
            : undefined);
    if (label === undefined)
        return undefined;
    return {
        rule: 'private-file/agent',
        severity: 'warning',
        kind: 'litter',
        message: `${label} ${parts.name}: AI agent instructions that should not ship (they often describe internals)`
    };
}
const private_file_litter_SECRET_NAME = /pass|pwd|secret|token|key|auth|credential|cookie|bearer/i;
function inspectMcpConfig(entry, parts) {
    const text = entry.content.toString('utf8');
    const credentials = readMcpCredentials(text);
    const dotFile = parts.lowerName === '.mcp.json';
    if (credentials === undefined || credentials.length === 0) {
        if (!dotFile)
            return undefined;
        return {
            rule: 'private-file/agent',
            severity: 'warning',
            kind: 'litter',
            message: `MCP server config ${parts.name}: AI agent configuration that should not ship`
        };
    }
    const { real, listed } = summarizeCredentials(credentials);
    const base = `MCP server config ${parts.name} passes credentials to its servers`;
    return {
        rule: 'private-file/agent',
        kind: 'secret',
        line: (real[0] ?? credentials[0]).line,
        details: { credentials: listed },
        ...(real.length > 0
            ? { severity: 'error', message: `${base}: ${describeKeys(real)}` }
            : {
                severity: (0,finding/* lowerSeverity */.DB)('error'),
                message: `${base}, but every value looks like a placeholder (${describeKeys(credentials)}); one level lower`
            })
    };
}
/** `mcpServers.<name>.env` and `.headers` entries whose names look like credentials. */
function readMcpCredentials(text) {
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const servers = config?.mcpServers ??
        config?.servers;
    if (typeof servers !== 'object' || servers === null)
        return undefined;
    const credentials = [];
    for (const [server, spec] of Object.entries(servers)) {
        for (const field of ['env', 'headers']) {
            const values = spec?.[field];
            if (typeof values !== 'object' || values === null)
                continue;
            for (const [name, value] of Object.entries(values)) {
                if (typeof value !== 'string' || !private_file_litter_SECRET_NAME.test(name))
                    continue;
                const at = text.indexOf(`"${name}"`);
                credentials.push({
                    key: `${server}.${field}.${name}`,
                    value: stripScheme(value),
                    line: lineAt(text, at)
                });
            }
        }
    }
    return credentials;
}
/** `Bearer ${TOKEN}` is as much a placeholder as `${TOKEN}`. */
function stripScheme(value) {
    return value.replace(/^(?:Bearer|Basic|token)\s+/i, '');
}

;// CONCATENATED MODULE: ./src/rules/private-file.ts










const META = {
    family: 'private-file',
    rules: {
        'private-file/env': {
            severity: 'error',
            description: 'An env file (.env, .env.*, *.env) with secret values; placeholder-only files are a warning, templates (.env.example) a notice'
        },
        'private-file/key': {
            severity: 'error',
            description: 'A private key or keystore (id_rsa, *.pem/*.key with a private key block, *.p12, *.jks, *.ppk, PGP secret keys, a .gnupg/ folder, a KeePass database)'
        },
        'private-file/credentials': {
            severity: 'error',
            description: 'A credential file with real values (.npmrc/.pypirc/.netrc/.git-credentials with auth, cloud credentials, kubeconfig, *.tfstate, .htpasswd)'
        },
        'private-file/vcs': {
            severity: 'error',
            description: 'A version-control folder (.git/, .hg/, .svn/, .bzr/), once per folder; a .git pointer file is a notice'
        },
        'private-file/editor': {
            severity: 'warning',
            description: 'Editor and OS litter (.idea/, .vscode/, .DS_Store, Thumbs.db, swap and backup files)'
        },
        'private-file/history': {
            severity: 'warning',
            description: 'A shell, database-client or REPL history (.bash_history, .zsh_history, .psql_history, .node_repl_history …)'
        },
        'private-file/internal-doc': {
            severity: 'warning',
            description: 'An internal document: named or filed as internal or confidential, or labelled so in its first lines (Company Confidential, Do not distribute)'
        },
        'private-file/agent': {
            severity: 'warning',
            description: 'AI agent files (CLAUDE.md, AGENTS.md, .claude/, .cursor/, .cursorrules, MCP configs); an error when they hold real credentials'
        }
    }
};
const private_file_TEST_FOLDER_NOTE = 'one level lower because it is under a test, fixture or example folder';
const DEPENDENCY_NOTE = 'one level lower because it is inside a dependency (node_modules)';
/** How a verdict ends when its own reason already lowered it. */
const LOWERED = '; one level lower';
/** Classifiers, most specific first; the first verdict wins. */
const INSPECTORS = [
    inspectGitPointer,
    inspectCredentialFile,
    inspectKeyFile,
    inspectEnvFile,
    inspectAgentFile,
    inspectHistoryFile,
    inspectInternalDoc,
    (_entry, parts) => inspectEditorFile(parts)
];
/**
 * `private-file/*`: files that should never ship. Matching uses the components of the entry
 * path's last `!/` segment, so `inner.tgz!/package/.env` is an env file wherever it nests.
 */
const privateFileRule = {
    meta: META,
    create(context) {
        const folders = new FolderTracker();
        return {
            entry(entry) {
                const parts = splitEntryPath(entry.path);
                folders.track(entry, parts);
                if (!isFileEntry(entry))
                    return;
                const verdict = inspectFile(entry, parts);
                if (verdict !== undefined)
                    context.report(toReport(entry, parts, verdict));
            },
            end() {
                for (const report of folders.reports())
                    context.report(report);
            }
        };
    }
};
function inspectFile(entry, parts) {
    for (const inspect of INSPECTORS) {
        const verdict = inspect(entry, parts);
        if (verdict !== undefined)
            return verdict;
    }
    return undefined;
}
function toReport(entry, parts, verdict) {
    let { severity, message } = verdict;
    const lowerBy = verdict.kind === 'secret' && isTestPath(entry.path)
        ? private_file_TEST_FOLDER_NOTE
        : verdict.kind === 'litter' && isInDependency(parts)
            ? DEPENDENCY_NOTE
            : undefined;
    if (lowerBy !== undefined) {
        severity = (0,finding/* lowerSeverity */.DB)(severity);
        message = message.endsWith(LOWERED)
            ? `${message.slice(0, -LOWERED.length)}; one level lower for that, and ${lowerBy.replace('one level lower', 'one more')}`
            : `${message}; ${lowerBy}`;
    }
    return {
        rule: verdict.rule,
        entry,
        severity,
        message,
        ...(verdict.line === undefined ? {} : { line: verdict.line }),
        ...(verdict.details === undefined ? {} : { details: verdict.details })
    };
}
/** A `.git` file, not folder: a worktree or submodule pointer (`gitdir: …`). */
function inspectGitPointer(_entry, parts) {
    if (parts.name !== '.git')
        return undefined;
    return {
        rule: 'private-file/vcs',
        severity: 'notice',
        kind: 'litter',
        message: '.git pointer file (git worktree or submodule link): it names a local path and should not ship'
    };
}

;// CONCATENATED MODULE: ./src/secrets/rules.ts
/** Every rule id the secret detectors report, with its default severity. */
const SECRET_RULES = {
    'secret/aws-access-key': {
        severity: 'error',
        description: 'An AWS access key id (AKIA…, ASIA…) in file content'
    },
    'secret/aws-secret-key': {
        severity: 'error',
        description: 'An AWS secret access key assigned to an aws_secret_access_key-like name'
    },
    'secret/github-token': {
        severity: 'error',
        description: 'A GitHub token (ghp_/gho_/ghu_/ghs_/ghr_ with a valid checksum, or github_pat_); a failed checksum is a notice'
    },
    'secret/npm-token': {
        severity: 'error',
        description: 'An npm access token (npm_ with a valid checksum); a failed checksum is a notice'
    },
    'secret/npmrc-auth': {
        severity: 'error',
        description: 'A registry credential in .npmrc syntax (_authToken=, _auth=, _password=) with a real value'
    },
    'secret/slack-token': {
        severity: 'error',
        description: 'A Slack bot, user or app token (xox…-, xapp-)'
    },
    'secret/slack-webhook': { severity: 'error', description: 'A Slack incoming webhook URL' },
    'secret/stripe-key': {
        severity: 'error',
        description: 'A Stripe secret or restricted key (sk_/rk_); test-mode keys are a warning'
    },
    'secret/anthropic-key': {
        severity: 'error',
        description: 'An Anthropic API, admin or OAuth key (sk-ant-…)'
    },
    'secret/openai-key': {
        severity: 'error',
        description: 'An OpenAI API key (sk-proj-, sk-svcacct-, sk-admin- or legacy, with the T3BlbkFJ marker)'
    },
    'secret/google-api-key': {
        severity: 'warning',
        description: 'A Google API key (AIza…); a warning because browser keys (Firebase, Maps) are often public by design'
    },
    'secret/gitlab-token': {
        severity: 'error',
        description: 'A GitLab token (glpat-, gldt-, glrt-, glptt-, gloas-, glagent-)'
    },
    'secret/pypi-token': {
        severity: 'error',
        description: 'A PyPI upload token (pypi-AgEIcHlwaS5vcmc…)'
    },
    'secret/service-token': {
        severity: 'error',
        description: 'A token of another service with a fixed prefix (Hugging Face, Docker Hub, SendGrid, Shopify, DigitalOcean, Vault, …)'
    },
    'secret/database-url': {
        severity: 'error',
        description: 'A database or broker connection URL with a real password (postgres://user:…@host); a local development host is a warning'
    },
    'secret/private-key': {
        severity: 'error',
        description: 'A PEM, OpenSSH or PGP private key block with a real key body; passphrase-encrypted keys are a warning'
    },
    'secret/generic': {
        severity: 'warning',
        description: 'A random-looking value assigned to a password/secret/token/api_key name; never an error on its own'
    }
};

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/secrets/scan-buffer.ts



const MiB = 1024 * 1024;
/** Files are decoded and scanned this many bytes at a time, so memory stays bounded. */
const CHUNK_BYTES = 16 * MiB;
/** Each chunk reads this far past its end, beyond the longest match (a 64 KiB key block). */
const OVERLAP_BYTES = 80 * 1024;
/** A chunk is cut after a newline when one comes this soon after the nominal cut. */
const MAX_LINE_SEARCH_BYTES = 1 * MiB;
/**
 * Scans a file's bytes decoded as latin1 (one byte, one character: three times faster to decode
 * than UTF-8, and exact for the ASCII that triggers and tokens are made of); values on lines
 * holding other characters are confirmed on those lines decoded as UTF-8. Large files go in
 * chunks that overlap, cut at line ends where possible; lines and columns (in bytes) stay those
 * of the whole file.
 */
function scanSecretsInBuffer(content, options = {}) {
    if (isUtf16(content))
        return scanSecrets(decodeText(content, 'latin1'), options);
    // ASCII reads the same either way: its lines need no locating for a decode
    const ascii = (0,external_node_buffer_namespaceObject.isAscii)(content);
    const withBytes = (offset) => ascii ? options : { ...options, utf8: { bytes: content, offset } };
    if (content.length <= CHUNK_BYTES)
        return scanSecrets(content.toString('latin1'), withBytes(0));
    const matches = [];
    let start = 0;
    let lineOffset = 0;
    /** Column of the chunk's first character in its line, when a chunk starts mid-line. */
    let columnOffset = 0;
    while (start < content.length) {
        const cut = findCut(content, start);
        const text = content.toString('latin1', start, Math.min(content.length, cut + OVERLAP_BYTES));
        for (const match of findSecrets(text, withBytes(start))) {
            if (match.index >= cut - start)
                continue; // in the overlap: the next chunk reports it
            matches.push(shift(match, lineOffset, match.line === 1 ? columnOffset : 0));
        }
        const newlines = countNewlines(content, start, cut);
        const lastNewline = content.lastIndexOf(10, cut - 1);
        columnOffset = lastNewline >= start ? cut - lastNewline - 1 : columnOffset + cut - start;
        lineOffset += newlines;
        start = cut;
    }
    return matches;
}
function findCut(content, start) {
    const nominal = start + CHUNK_BYTES;
    if (nominal >= content.length)
        return content.length;
    const newline = content.indexOf(10, nominal);
    return newline !== -1 && newline - nominal < MAX_LINE_SEARCH_BYTES ? newline + 1 : nominal;
}
function countNewlines(content, start, end) {
    let count = 0;
    for (let i = content.indexOf(10, start); i !== -1 && i < end; i = content.indexOf(10, i + 1))
        count++;
    return count;
}
function shift(match, lines, columns) {
    return {
        rule: match.rule,
        line: match.line + lines,
        column: match.column + columns,
        redacted: match.redacted,
        severity: match.severity,
        description: match.description
    };
}

;// CONCATENATED MODULE: ./src/sourcemap/errors.ts
class SourceMapSyntaxError extends Error {
    kind;
    offset;
    name = 'SourceMapSyntaxError';
    constructor(message, kind, 
    /** Byte offset in the scanned buffer where the problem was found, when there is one. */
    offset) {
        super(message);
        this.kind = kind;
        this.offset = offset;
    }
}

;// CONCATENATED MODULE: ./src/sourcemap/json-string.ts

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const END_OF_INPUT = 'unexpected end of input (is the file truncated?)';
const UNTERMINATED = 'string never ends (is the file truncated?)';
/**
 * Finds the end of the JSON string starting at `start` (its opening quote) with native
 * `indexOf` jumps from quote to quote: the one cost that scales with a map's size.
 */
function findStringEnd(buf, start) {
    if (buf[start] !== QUOTE)
        throw jsonSyntaxError(buf, 'expected a string', start);
    for (let from = start + 1;;) {
        const quote = buf.indexOf(QUOTE, from);
        if (quote === -1)
            throw jsonSyntaxError(buf, UNTERMINATED, start);
        let k = quote - 1;
        while (buf[k] === BACKSLASH)
            k--;
        // An even run of backslashes before the quote escapes only itself: the string ends here.
        if (((quote - 1 - k) & 1) === 0)
            return quote + 1;
        from = quote + 1;
    }
}
/**
 * Like `findStringEnd`, visiting each escape (found with `indexOf` too) to count decoded
 * newlines (`\n`, `\u000a`) and bytes: raw length minus what each escape saves.
 */
function measureString(buf, start) {
    if (buf[start] !== QUOTE)
        throw jsonSyntaxError(buf, 'expected a string', start);
    let from = start + 1;
    let lines = 1;
    let saved = 0;
    let quote = -2;
    let slash = -2;
    let disguised = false;
    for (;;) {
        if (quote < from)
            quote = buf.indexOf(QUOTE, from);
        if (slash !== -1 && slash < from)
            slash = buf.indexOf(BACKSLASH, from);
        if (quote === -1)
            throw jsonSyntaxError(buf, UNTERMINATED, start);
        if (slash === -1 || slash > quote)
            break;
        const escape = buf[slash + 1];
        if (escape === 0x75 /* u */) {
            disguised = true;
            const code = readHex4(buf, slash + 2);
            const low = isHighSurrogate(code) && buf[slash + 6] === BACKSLASH && buf[slash + 7] === 0x75
                ? readHex4(buf, slash + 8)
                : -1;
            if (low >= 0xdc00 && low <= 0xdfff) {
                saved += 12 - 4; // a surrogate pair: one 4-byte character
                from = slash + 12;
                continue;
            }
            if (code === 0x0a)
                lines++;
            // Lone surrogates decode to U+FFFD when written as UTF-8: 3 bytes, like other BMP characters.
            saved += 6 - (code < 0x80 ? 1 : code < 0x800 ? 2 : 3);
            from = slash + 6;
            continue;
        }
        if (escape === 0x6e /* n */)
            lines++;
        else if (escape === 0x2f /* / */)
            disguised = true;
        else if (!isSimpleEscape(escape))
            throw jsonSyntaxError(buf, 'invalid escape in string', slash);
        saved += 1;
        from = slash + 2;
    }
    const bytes = quote - start - 1 - saved;
    return { end: quote + 1, lines: bytes === 0 ? 0 : lines, bytes, disguised };
}
/**
 * Decodes the JSON string token at `[start, end)` (quotes included). Raw control characters,
 * which strict JSON forbids but some tools write, are taken as themselves: the text is still
 * what a reader of the map sees.
 */
function decodeJsonString(buf, start, end) {
    const raw = buf.toString('utf8', start, end);
    if (raw.indexOf('\\') === -1)
        return raw.slice(1, -1);
    try {
        return parseJsonString(raw);
    }
    catch (error) {
        throw jsonSyntaxError(buf, `bad string (${error.message})`, start);
    }
}
// eslint-disable-next-line no-control-regex -- control characters are what these look for
const CONTROL_CHARACTER = /[\x00-\x1f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_CHARACTERS = /[\x00-\x1f]/g;
/** `JSON.parse` of a string literal (quotes included) that tolerates raw control characters. */
function parseJsonString(literal) {
    try {
        return JSON.parse(literal);
    }
    catch (error) {
        if (!CONTROL_CHARACTER.test(literal))
            throw error;
        return JSON.parse(literal.replace(CONTROL_CHARACTERS, escapeControl));
    }
}
function escapeControl(char) {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
function jsonSyntaxError(buf, problem, at) {
    return new SourceMapSyntaxError(`invalid JSON at ${describeOffset(buf, at)}: ${problem}`, 'json', at);
}
/** "byte 1,234 (line 3)": where a problem is, for messages. */
function describeOffset(buf, offset) {
    let line = 1;
    for (let i = buf.indexOf(0x0a); i !== -1 && i < offset; i = buf.indexOf(0x0a, i + 1))
        line++;
    return `byte ${offset.toLocaleString('en-US')} (line ${line})`;
}
function readHex4(buf, at) {
    let code = 0;
    for (let i = at; i < at + 4; i++) {
        const c = buf[i] ?? 0;
        const lower = c | 0x20;
        const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
        if (digit < 0)
            throw jsonSyntaxError(buf, 'invalid \\u escape in string', at - 2);
        code = code * 16 + digit;
    }
    return code;
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}
/** The one-character escapes: " \ / b f n r t */
function isSimpleEscape(c) {
    return (c === 0x22 ||
        c === 0x5c ||
        c === 0x2f ||
        c === 0x62 ||
        c === 0x66 ||
        c === 0x6e ||
        c === 0x72 ||
        c === 0x74);
}

;// CONCATENATED MODULE: ./src/secrets/scan-json-string.ts


const RAW_SCAN = new RegExp(RAW_PREFILTER_SOURCE, 'g');
const LINE_LOCAL = PREFILTER.groups.map((group) => group.every((d) => d.lineLocal === true));
/** A line holding nothing that decoding would change (bar its final `\n`). */
const PLAIN_LINE = /^[^\\\x80-\xff]*(?:\\n)?$/;
/** A hit on a longer line is not confirmed on its own: the whole string is decoded instead. */
const MAX_LINE_BYTES = 4096;
const scan_json_string_BACKSLASH = '\\';
/**
 * Whether `scanSecrets` could find anything in the decoded text of a JSON string token in `buf`,
 * decided without decoding it where possible: the prefilter runs on the raw bytes, and a hit of
 * line-local detectors is confirmed on its decoded line alone. `false` means the scan would
 * certainly find nothing; `true` means "decode it and scan".
 */
function mayHoldSecrets(buf, token) {
    if (token.disguised)
        return true;
    const start = token.start;
    const raw = buf.toString('latin1', start + 1, token.end - 1);
    const regex = RAW_SCAN;
    regex.lastIndex = 0;
    for (let hit = regex.exec(raw); hit !== null; hit = regex.exec(raw)) {
        const group = hitGroup(hit);
        if (!LINE_LOCAL[group])
            return true;
        const hitEnd = hit.index + hit[0].length;
        if (confirmOnLine(buf, start + 1, raw, hit.index, hitEnd, PREFILTER.groups[group]))
            return true;
    }
    return false;
}
function confirmOnLine(buf, base, raw, at, hitEnd, detectors) {
    if (isEscaped(raw, at) || isEscaped(raw, hitEnd))
        return true;
    const lineStart = findLineStart(raw, at);
    const lineEnd = findLineEnd(raw, hitEnd);
    if (lineEnd - lineStart > MAX_LINE_BYTES)
        return true;
    let line = raw.slice(lineStart, lineEnd);
    let lineAt = at - lineStart;
    let lineHitEnd = hitEnd - lineStart;
    if (PLAIN_LINE.test(line)) {
        if (line.endsWith('\\n'))
            line = `${line.slice(0, -2)}\n`;
    }
    else {
        try {
            line = decodeRaw(buf, base + lineStart, base + lineEnd);
            lineAt = decodeRaw(buf, base + lineStart, base + at).length;
            lineHitEnd = lineAt + decodeRaw(buf, base + at, base + hitEnd).length;
        }
        catch {
            return true; // not valid JSON: decoding it whole reports the problem
        }
    }
    return detectors.some((d) => d.confirm(line, lineAt, lineHitEnd) !== undefined);
}
/** Decodes raw string bytes that start and end outside any escape or UTF-8 sequence. */
function decodeRaw(buf, from, to) {
    return parseJsonString(`"${buf.toString('utf8', from, to)}"`);
}
/** Whether `index` falls inside an escape: right after a backslash that escapes. */
function isEscaped(raw, index) {
    return index > 0 && raw[index - 1] === scan_json_string_BACKSLASH && startsEscape(raw, index - 1);
}
/** Whether the backslash at `index` starts an escape (an odd run of backslashes ends there). */
function startsEscape(raw, index) {
    let k = index;
    while (k >= 0 && raw[k] === scan_json_string_BACKSLASH)
        k--;
    return ((index - k) & 1) === 1;
}
/** Just after the `\n` escape before `at`, or 0. */
function findLineStart(raw, at) {
    for (let i = raw.lastIndexOf('\\n', at - 2); i !== -1; i = raw.lastIndexOf('\\n', i - 1)) {
        if (startsEscape(raw, i))
            return i + 2;
    }
    return 0;
}
/** Just after the first `\n` escape from `from` on, or the end of the string. */
function findLineEnd(raw, from) {
    for (let i = raw.indexOf('\\n', from); i !== -1; i = raw.indexOf('\\n', i + 1)) {
        if (startsEscape(raw, i))
            return i + 2;
    }
    return raw.length;
}

;// CONCATENATED MODULE: ./src/sourcemap/comment.ts
/** Bytes, not a string: Node prepares a string needle again on every call (~5 µs per file). */
const NEEDLE = Buffer.from('sourceMappingURL=');
const NEEDLE_BYTES = NEEDLE.length;
/** Where browsers look for the comment anywhere (the last one wins); HTML for inline scripts. */
const SCRIPT_EXTENSION = /\.(?:[cm]?js|jsx|css|html?)$/i;
/** Files with a NUL byte this early are binary, not text that could end with a comment. */
const TEXT_PROBE_BYTES = 8000;
/**
 * Bounds the work on hostile files stuffed with comment-like text: each candidate with a valid
 * `//#` / `/*#` marker costs a scan to its line end. Real files carry one or a few.
 */
const MAX_CANDIDATES = 64;
const DATA_PREFIX = Buffer.from('data:');
/** Bytes that end a data URL written inside a JS string: an escape or a closing quote. */
const STRING_STOPS = [0x5c /* \\ */, 0x22 /* " */, 0x27 /* ' */, 0x60 /* ` */];
/** Base64 characters a string-embedded map must carry at least (48 bytes of JSON). */
const MIN_QUOTED_PAYLOAD = 64;
/** What `endOfQuotedMap` answers for code that only builds a comment in a string. */
const NOT_A_MAP = -1;
/** An inline `<script>` or `<style>` may close on the comment's own line. */
const CLOSING_TAG = Buffer.from('</');
/**
 * Finds the `sourceMappingURL` comments that matter in a file, in the `//# `, `//@ ` and
 * `/*# … *\/` forms, without splitting lines (an inline map can be one 20 MB line):
 * - JS, CSS and HTML (for inline scripts and styles): the last valid comment anywhere (what
 *   browsers use), plus every earlier inline `data:` map (a concatenated bundle still ships
 *   their sources);
 * - other text files: a comment only when it ends the file (e.g. `.d.ts` → `.d.ts.map`).
 * Comments are validated so that code building such a comment in a string is not taken for one.
 */
function findSourceMappingComments(entryPath, content) {
    if (SCRIPT_EXTENSION.test(entryPath))
        return findAnywhere(content);
    if (content.subarray(0, TEXT_PROBE_BYTES).includes(0))
        return [];
    return findTrailing(content);
}
function findAnywhere(content) {
    const found = [];
    let candidates = 0;
    for (let from = content.length; from >= 0 && candidates < MAX_CANDIDATES;) {
        const at = content.lastIndexOf(NEEDLE, from);
        if (at === -1)
            break;
        from = at - 1;
        const block = readMarker(content, at);
        if (block === undefined)
            continue;
        candidates++;
        const comment = parseUrl(content, at, block);
        if (comment && (found.length === 0 || comment.kind === 'data'))
            found.push(comment);
    }
    return addLines(content, found);
}
function findTrailing(content) {
    const end = trimEnd(content, 0, content.length);
    const lineStart = content.lastIndexOf(0x0a, end - 1) + 1;
    const at = content.subarray(lineStart, end).lastIndexOf(NEEDLE);
    if (at === -1)
        return [];
    const block = readMarker(content, lineStart + at);
    const comment = block === undefined ? undefined : parseUrl(content, lineStart + at, block);
    return addLines(content, comment ? [comment] : []);
}
/** Whether `//#`, `//@`, `/*#` or `/*@` (spaces allowed before the name) precedes the needle. */
function readMarker(content, at) {
    let mark = at - 1;
    while (content[mark] === 0x20 || content[mark] === 0x09)
        mark--;
    if (content[mark] !== 0x23 /* # */ && content[mark] !== 0x40 /* @ */)
        return undefined;
    if (content[mark - 2] !== 0x2f /* / */)
        return undefined;
    const block = content[mark - 1] === 0x2a; /* * */
    return block || content[mark - 1] === 0x2f ? block : undefined;
}
/** Line numbers for comments found at byte offsets, with one pass over the newlines. */
function addLines(content, found) {
    if (found.length === 0)
        return []; // nearly every file
    const lines = new Map();
    let line = 1;
    let newline = content.indexOf(0x0a);
    for (const at of found.map((c) => c.at).sort((a, b) => a - b)) {
        while (newline !== -1 && newline < at) {
            line++;
            newline = content.indexOf(0x0a, newline + 1);
        }
        lines.set(at, line);
    }
    return found.map(({ at, ...comment }) => ({ ...comment, line: lines.get(at) ?? 1 }));
}
/** Reads and validates the URL of the comment whose name is at `at`; undefined when invalid. */
function parseUrl(content, at, block) {
    const start = at + NEEDLE_BYTES;
    const newline = content.indexOf(0x0a, start);
    const lineEnd = indexWithin(content, CLOSING_TAG, start, newline === -1 ? content.length : newline);
    let end = trimEnd(content, start, lineEnd);
    if (block) {
        const close = content.subarray(start, end).indexOf('*/');
        if (close === -1)
            return undefined;
        end = trimEnd(content, start, start + close);
    }
    if (end === start)
        return undefined;
    const quoted = endOfQuotedMap(content, start, end);
    if (quoted === NOT_A_MAP)
        return undefined;
    if (quoted !== undefined)
        return { kind: 'data', at, start, end: quoted };
    // The URL runs to the end of the comment: anything after a space means this is code that
    // builds such a comment in a string, not a comment.
    const url = content.subarray(start, end);
    if (url.includes(0x20) || url.includes(0x09))
        return undefined;
    // `${…}`: a template literal that writes such a comment at run time (bundlers, compilers).
    if (url.includes('${'))
        return undefined;
    if (url.subarray(0, DATA_PREFIX.length).equals(DATA_PREFIX))
        return { kind: 'data', at, start, end };
    const text = url.toString('utf8');
    if (/["'`]/.test(text))
        return undefined;
    return { kind: 'url', at, url: text };
}
/**
 * Where a base64 map written inside a JS string ends. webpack's `eval-source-map` wraps each
 * module as `eval("…\\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2…\\n//#
 * sourceURL=…")`: the payload runs to the first backslash or quote. Code that only builds such a
 * comment (`'…;base64,' + btoa(json)`) carries no real payload: one must be there and decode to a
 * JSON object, else the URL is NOT_A_MAP. Undefined when the URL is no base64 `data:` URL inside
 * a string (percent-encoding leaves `'` as it is, so those follow the plain comment rules).
 */
function endOfQuotedMap(content, start, end) {
    if (!content.subarray(start, start + DATA_PREFIX.length).equals(DATA_PREFIX))
        return undefined;
    const stop = Math.min(...STRING_STOPS.map((byte) => indexWithin(content, byte, start, end)));
    if (stop === end)
        return undefined; // not inside a string: the plain comment rules apply
    const comma = indexWithin(content, 0x2c /* , */, start, stop);
    if (!isBase64DataHeader(content, start, comma))
        return undefined;
    if (stop - comma <= MIN_QUOTED_PAYLOAD)
        return NOT_A_MAP;
    const head = content.toString('latin1', comma + 1, comma + 1 + MIN_QUOTED_PAYLOAD);
    return /^\s*\{/.test(Buffer.from(head, 'base64').toString('latin1')) ? stop : NOT_A_MAP;
}
/** Whether the `data:` URL whose header runs over `[start, comma)` is `;base64`-encoded. */
function isBase64DataHeader(content, start, comma) {
    return content.toString('latin1', start, comma).toLowerCase().endsWith(';base64');
}
/** The first `byte` (or bytes) in `[from, to)`, or `to`. */
function indexWithin(content, byte, from, to) {
    const at = content.subarray(from, to).indexOf(byte);
    return at === -1 ? to : from + at;
}
/** Moves `end` back over trailing whitespace (never before `start`). */
function trimEnd(content, start, end) {
    while (end > start && isSpace(content[end - 1]))
        end--;
    return end;
}
function isSpace(c) {
    return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

;// CONCATENATED MODULE: ./src/sourcemap/json-cursor.ts

/** Guards the explicit stack of `skipValue` against `[[[[…` bombs; real maps nest a few levels. */
const MAX_NESTING_DEPTH = 10_000;
/**
 * A forward-only reader over JSON bytes that validates structure and skips values without
 * materialising them: strings are jumped over with `Buffer.indexOf`, so a 60 MB map costs a few
 * native scans instead of a 60 MB parse. Only the small strings a caller asks for are decoded.
 * String contents are not checked for raw control characters; everything else JSON.parse would
 * reject is reported as a `SourceMapSyntaxError` with its byte offset.
 */
class JsonCursor {
    buf;
    pos;
    constructor(buf, pos) {
        this.buf = buf;
        this.pos = pos;
    }
    /** The byte at the cursor after skipping whitespace, or -1 at the end. */
    peek() {
        const { buf } = this;
        let pos = this.pos;
        for (let c = buf[pos]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = buf[++pos])
            ;
        this.pos = pos;
        return pos < buf.length ? buf[pos] : -1;
    }
    /** Consumes `byte` (after whitespace) or fails naming what was expected. */
    expect(byte, what) {
        const next = this.peek();
        if (next === -1)
            this.fail(END_OF_INPUT);
        if (next !== byte)
            this.fail(`expected ${what}`);
        this.pos++;
    }
    /** Consumes `byte` if it comes next; reports whether it did. */
    accept(byte) {
        if (this.peek() !== byte)
            return false;
        this.pos++;
        return true;
    }
    /** Skips the string at the cursor; returns its start (the opening quote). */
    skipString() {
        const start = this.pos;
        this.pos = findStringEnd(this.buf, start);
        return start;
    }
    /** Skips the string at the cursor, returning its decoded line count and UTF-8 size. */
    scanString() {
        const stats = measureString(this.buf, this.pos);
        this.pos = stats.end;
        return stats;
    }
    /** Decodes the (small) string at the cursor. */
    readString() {
        const start = this.skipString();
        return decodeJsonString(this.buf, start, this.pos);
    }
    /** Skips any JSON value, validating its structure, without recursion. */
    skipValue() {
        const stack = []; // true: inside an object, false: inside an array
        for (;;) {
            const c = this.peek();
            if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
                this.pos++;
                const object = c === 0x7b;
                if (!this.accept(object ? 0x7d : 0x5d)) {
                    if (stack.length >= MAX_NESTING_DEPTH)
                        this.fail(`nested deeper than ${MAX_NESTING_DEPTH} levels`);
                    stack.push(object);
                    if (object)
                        this.skipKey();
                    continue;
                }
            }
            else {
                this.skipScalar(c);
            }
            // A value ended: close containers until one continues with a comma.
            for (;;) {
                if (stack.length === 0)
                    return;
                const object = stack[stack.length - 1];
                const next = this.peek();
                this.pos++;
                if (next === 0x2c /* , */) {
                    if (object)
                        this.skipKey();
                    break;
                }
                if (next !== (object ? 0x7d : 0x5d)) {
                    this.pos--;
                    if (next === -1)
                        this.fail(END_OF_INPUT);
                    this.fail(object ? "expected ',' or '}'" : "expected ',' or ']'");
                }
                stack.pop();
            }
        }
    }
    /** Skips `"key":` inside an object. */
    skipKey() {
        if (this.peek() !== QUOTE)
            this.fail('expected a property name');
        this.skipString();
        this.expect(0x3a, "':'");
    }
    /** Reads a number at the cursor (validated like JSON.parse would). */
    readNumber() {
        const start = this.pos;
        this.skipNumber();
        return Number(this.buf.toString('latin1', start, this.pos));
    }
    fail(problem, at = this.pos) {
        throw jsonSyntaxError(this.buf, problem, at);
    }
    skipScalar(c) {
        if (c === QUOTE)
            this.skipString();
        else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39))
            this.skipNumber();
        else if (c === 0x74 /* t */)
            this.skipLiteral('true');
        else if (c === 0x66 /* f */)
            this.skipLiteral('false');
        else if (c === 0x6e /* n */)
            this.skipLiteral('null');
        else
            this.fail(c === -1 ? END_OF_INPUT : 'expected a value');
    }
    skipLiteral(word) {
        for (let i = 0; i < word.length; i++) {
            if (this.buf[this.pos + i] !== word.charCodeAt(i))
                this.fail(`expected '${word}'`);
        }
        this.pos += word.length;
    }
    skipNumber() {
        const { buf } = this;
        let pos = this.pos;
        if (buf[pos] === 0x2d)
            pos++;
        if (buf[pos] === 0x30)
            pos++;
        else if (isDigit(buf[pos]))
            while (isDigit(buf[pos]))
                pos++;
        else
            this.fail('invalid number', pos);
        if (buf[pos] === 0x2e /* . */) {
            if (!isDigit(buf[++pos]))
                this.fail('invalid number', pos);
            while (isDigit(buf[pos]))
                pos++;
        }
        if (buf[pos] === 0x65 || buf[pos] === 0x45 /* e E */) {
            pos++;
            if (buf[pos] === 0x2b || buf[pos] === 0x2d)
                pos++;
            if (!isDigit(buf[pos]))
                this.fail('invalid number', pos);
            while (isDigit(buf[pos]))
                pos++;
        }
        this.pos = pos;
    }
}
function isDigit(c) {
    return c !== undefined && c >= 0x30 && c <= 0x39;
}

;// CONCATENATED MODULE: ./src/sourcemap/map-object.ts

const MAX_SECTION_DEPTH = 8;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const map_object_QUOTE = 0x22;
/**
 * Reads the map object at the cursor, appending its sources (and those of its sections) to
 * `sources`. `depth` counts index-map nesting. Throws `not-a-map` when the object lacks the
 * keys of a source map and `invalid-map` when a known key has the wrong type.
 */
function readMapObject(cursor, sources, depth = 0) {
    const head = { sections: 0 };
    const found = new Set();
    let names = [];
    let contents = [];
    let sectioned = false;
    const base = sources.length;
    const problems = [];
    cursor.expect(OPEN_BRACE, "'{'");
    if (!cursor.accept(0x7d)) {
        do {
            if (cursor.peek() !== map_object_QUOTE)
                cursor.fail('expected a property name');
            const key = cursor.readString();
            cursor.expect(0x3a, "':'");
            found.add(key);
            const c = cursor.peek();
            if (key === 'sources' && c === OPEN_BRACKET)
                names = readArray(cursor, () => cursor.readString());
            else if (key === 'sourcesContent' && c === OPEN_BRACKET)
                contents = readArray(cursor, () => readContent(cursor));
            else if (key === 'sections' && c === OPEN_BRACKET) {
                sources.length = base; // a repeated key replaces the earlier one, as in JSON.parse
                sectioned = true;
                head.sections = readSections(cursor, sources, depth);
            }
            else if (key === 'version' && (c === 0x2d || (c >= 0x30 && c <= 0x39)))
                head.version = cursor.readNumber();
            else if ((key === 'file' || key === 'sourceRoot') && c === map_object_QUOTE)
                head[key] = cursor.readString();
            else {
                if (key === 'sources' || key === 'sections')
                    problems.push(`'${key}' is not an array`);
                cursor.skipValue();
            }
        } while (cursor.accept(0x2c));
        cursor.expect(0x7d, "',' or '}'");
    }
    const plain = found.has('mappings') && found.has('sources');
    if (!found.has('version') || !(plain || found.has('sections'))) {
        throw new SourceMapSyntaxError("not a source map: the top-level object needs 'version' with 'mappings' and 'sources', or 'sections'", 'not-a-map');
    }
    if (problems.length > 0)
        throw new SourceMapSyntaxError(`invalid source map: ${problems.join(', ')}`, 'invalid-map');
    if (!sectioned)
        appendSources(sources, names, contents, head.sourceRoot);
    return head;
}
function appendSources(sources, names, contents, sourceRoot) {
    // sourcesContent longer than sources still embeds text: keep it, unnamed.
    const count = Math.max(names.length, contents.length);
    for (let i = 0; i < count; i++) {
        const source = names[i] ?? null;
        const content = contents[i];
        sources.push({
            index: sources.length,
            source,
            path: source === null ? '' : joinSourceRoot(sourceRoot, source),
            ...(content ? { content } : {})
        });
    }
}
/** Reads `[a, b, …]`, mapping strings through `read` and anything else (null, numbers…) to null. */
function readArray(cursor, read) {
    const items = [];
    cursor.expect(OPEN_BRACKET, "'['");
    if (cursor.accept(0x5d))
        return items;
    do {
        if (cursor.peek() === map_object_QUOTE)
            items.push(read());
        else {
            cursor.skipValue();
            items.push(null);
        }
    } while (cursor.accept(0x2c));
    cursor.expect(0x5d, "',' or ']'");
    return items;
}
function readContent(cursor) {
    const start = cursor.pos;
    const { lines, bytes, disguised } = cursor.scanString();
    return { start, end: cursor.pos, lines, bytes, disguised };
}
/** Reads an index map's `sections`; returns how many there were. */
function readSections(cursor, sources, depth) {
    if (depth >= MAX_SECTION_DEPTH) {
        throw new SourceMapSyntaxError(`invalid source map: sections nested deeper than ${MAX_SECTION_DEPTH} levels`, 'invalid-map');
    }
    let count = 0;
    cursor.expect(OPEN_BRACKET, "'['");
    if (cursor.accept(0x5d))
        return 0;
    do {
        count++;
        let shaped = cursor.peek() === OPEN_BRACE;
        if (!shaped)
            cursor.skipValue();
        else {
            cursor.pos++;
            let hasOffset = false;
            let hasTarget = false;
            if (!cursor.accept(0x7d)) {
                do {
                    if (cursor.peek() !== map_object_QUOTE)
                        cursor.fail('expected a property name');
                    const key = cursor.readString();
                    cursor.expect(0x3a, "':'");
                    hasOffset ||= key === 'offset';
                    hasTarget ||= key === 'url' || key === 'map';
                    if (key === 'map' && cursor.peek() === OPEN_BRACE)
                        readSectionMap(cursor, sources, depth, count);
                    else
                        cursor.skipValue();
                } while (cursor.accept(0x2c));
                cursor.expect(0x7d, "',' or '}'");
            }
            shaped = hasOffset && hasTarget;
        }
        if (!shaped) {
            throw new SourceMapSyntaxError(`not a source map: section ${count} has no 'offset' and 'map'`, 'not-a-map');
        }
    } while (cursor.accept(0x2c));
    cursor.expect(0x5d, "',' or ']'");
    return count;
}
function readSectionMap(cursor, sources, depth, section) {
    try {
        readMapObject(cursor, sources, depth + 1);
    }
    catch (error) {
        if (!(error instanceof SourceMapSyntaxError) || error.kind === 'json')
            throw error;
        throw new SourceMapSyntaxError(`invalid source map: section ${section}: ${error.message}`, 'invalid-map');
    }
}
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** The spec's `sourceRoot` rule: prefix every relative source with it (adding a slash if needed). */
function joinSourceRoot(sourceRoot, source) {
    if (!sourceRoot || URL_SCHEME.test(source) || source.startsWith('/'))
        return source;
    return sourceRoot.endsWith('/') ? sourceRoot + source : `${sourceRoot}/${source}`;
}

;// CONCATENATED MODULE: ./src/sourcemap/scan.ts




/**
 * Several rules read the same entry (this family for the summary, the secret scanner for the
 * text), so results are kept per content buffer for as long as the buffer lives.
 */
const SCANNED = new WeakMap();
/**
 * Key names with their closing quote, as bytes (a string needle is prepared again on every call).
 * The opening quote is checked apart: a needle starting with `"` searches JSON 2.5× slower.
 */
const VERSION_KEY = Buffer.from('version"');
const SECTIONS_KEY = Buffer.from('sections"');
const MAPPINGS_KEY = Buffer.from('mappings"');
const SOURCES_KEY = Buffer.from('sources"');
/**
 * Cheap test run on every file: does this look like a source map by content (whatever its name)?
 * Non-JSON fails on the first byte; JSON must mention the keys of a map. `scanSourceMap` then
 * confirms the shape (its `not-a-map` error means "some other JSON").
 */
function looksLikeSourceMap(content) {
    const start = skipSpace(content, skipMapPrefix(content));
    if (content[start] !== 0x7b /* { */)
        return false;
    if (!hasKey(content, VERSION_KEY, start))
        return false;
    return (hasKey(content, SECTIONS_KEY, start) ||
        (hasKey(content, MAPPINGS_KEY, start) && hasKey(content, SOURCES_KEY, start)));
}
/** Whether `"name"` occurs from `start` on (`name` given with its closing quote). */
function hasKey(content, nameAndQuote, start) {
    for (let at = content.indexOf(nameAndQuote, start + 1); at !== -1;) {
        if (content[at - 1] === 0x22 /* " */)
            return true;
        at = content.indexOf(nameAndQuote, at + 1);
    }
    return false;
}
/**
 * Reads a source map's sources and the size of each embedded text without parsing the whole
 * JSON. Throws `SourceMapSyntaxError` (with a message fit for a finding) when it cannot.
 */
function scan_scanSourceMap(content) {
    let result = SCANNED.get(content);
    if (result === undefined) {
        try {
            result = readSummary(content);
        }
        catch (error) {
            if (!(error instanceof SourceMapSyntaxError))
                throw error;
            result = error;
        }
        SCANNED.set(content, result);
    }
    if (result instanceof SourceMapSyntaxError)
        throw result;
    return result;
}
/** Decodes the embedded text of one source of a summary made from `content`. */
function scan_readEmbeddedText(content, source) {
    return source.content && decodeJsonString(content, source.content.start, source.content.end);
}
function readSummary(content) {
    const cursor = new JsonCursor(content, skipMapPrefix(content));
    const first = cursor.peek();
    if (first === -1)
        throw new SourceMapSyntaxError('the file is empty', 'json', 0);
    if (first !== 0x7b) {
        if (!JSON_START.test(content.toString('latin1', cursor.pos, cursor.pos + 5))) {
            throw new SourceMapSyntaxError(`not JSON: it starts with ${describeStart(content, cursor.pos)}`, 'json', cursor.pos);
        }
        cursor.skipValue();
        expectEnd(cursor);
        throw new SourceMapSyntaxError('not a source map: the top-level JSON value is not an object', 'not-a-map');
    }
    const sources = [];
    const head = readMapObject(cursor, sources);
    expectEnd(cursor);
    return { ...head, sources };
}
/** The start of a JSON value other than an object. */
const JSON_START = /^(?:[["0-9-]|true|false|null)/;
function expectEnd(cursor) {
    if (cursor.peek() !== -1)
        cursor.fail('unexpected data after the end of the JSON value');
}
/** Skips a UTF-8 BOM and the `)]}'` line some servers prepend against XSSI. */
function skipMapPrefix(content) {
    let pos = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
    if (content[pos] === 0x29 && content[pos + 1] === 0x5d && content[pos + 2] === 0x7d /* )]} */) {
        const newline = content.indexOf(0x0a, pos);
        pos = newline === -1 ? pos + (content[pos + 3] === 0x27 ? 4 : 3) : newline + 1;
    }
    return pos;
}
function skipSpace(content, pos) {
    for (let c = content[pos]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = content[++pos])
        ;
    return pos;
}
/** A short, printable quote of the first bytes, for "not JSON: it starts with …" messages. */
function describeStart(content, pos) {
    const sample = content.toString('latin1', pos, pos + 24).replace(/[^\x20-\x7e]/g, '?');
    return `'${sample}${content.length > pos + 24 ? '…' : ''}'`;
}

;// CONCATENATED MODULE: ./src/sourcemap/source-path.ts

/** Schemes whose first path segment is a namespace (webpack's `output.devtoolNamespace`, …). */
const NAMESPACED_SCHEME = /^(?:webpack|rspack|turbopack):\/\/([^/]*)\/?/i;
const INTERNAL_SCHEME = /^webpack-internal:\/\/\/?/i;
const FILE_SCHEME = /^file:\/\//i;
/** `http://host:port/src/x.ts` (a dev server) → `/src/x.ts`. */
const OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;
/** Builtins and runtime helpers named by scheme: `node:fs`, `vite:…`, … */
const RUNTIME_SCHEME = /^(?:node|vite|rollup|virtual|internal|data):/i;
const PARCEL_ROOT = /^\/?__parcel_source_root\//;
/** Directories that hold dependencies rather than the project's own code. */
const THIRD_PARTY_SEGMENT = /(?:^|\/)(?:node_modules|bower_components|jspm_packages)(?:\/|$)/;
const THIRD_PARTY_WORD = /node_modules|bower_components|jspm_packages/;
/**
 * Bundler runtime and virtual modules, matched on the path after the namespace: webpack's
 * `webpack/runtime/…`, `webpack/bootstrap`, `external "react"`, `ignored|…`, module federation;
 * `<anonymous>`, `<runtime>`, `<define:…>` (esbuild's `<stdin>` is user code); vite helpers;
 * `webpack://_N_E/?1a2b` (a query with no module path). Anchored: most paths fail on byte one.
 */
const RUNTIME_PREFIX = /^(?:webpack\/|(?:external|delegated|remote) |ignored\||consume shared module|provide shared module|container entry|<(?!stdin>)[^>]*>$|\/?@vite\/|vite\/(?:preload-helper|modulepreload-polyfill|dynamic-import-helper)|__vite|\?)/;
/** Helper modules bundlers inject, by file name. */
const RUNTIME_FILE = /^(?:_?commonjsHelpers|rollupPluginBabelHelpers|__vite-browser-external)(?:\.js)?$/;
/** Segments `normalize` would change; most bundler paths only have leading ones. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)|\/\//;
/** Turbopack namespaces that hold the framework, not the project. */
const RUNTIME_NAMESPACE = /^\[(?:turbopack|next|externals)\]/;
/** Classifies one source of a map (its `sourceRoot`-joined path) and normalises it for display. */
function source_path_classifySourcePath(raw) {
    if (raw === '')
        return { path: '', firstParty: true };
    // Rollup marks virtual modules with a NUL byte (`\0commonjsHelpers.js`, `\0vite/preload-helper`).
    const virtual = raw.includes('\0');
    let rest = raw.includes('\\') ? raw.replace(/\\/g, '/') : raw;
    let runtime = virtual || RUNTIME_SCHEME.test(rest);
    const namespaced = NAMESPACED_SCHEME.exec(rest);
    if (namespaced) {
        runtime ||= RUNTIME_NAMESPACE.test(namespaced[1] ?? '');
        // `webpack://./src/x.ts`: no namespace, the first segment is already the path.
        rest =
            namespaced[1] === '.' || namespaced[1] === '..'
                ? rest.slice(rest.indexOf('//') + 2)
                : rest.slice(namespaced[0].length);
    }
    else if (INTERNAL_SCHEME.test(rest)) {
        rest = rest.replace(INTERNAL_SCHEME, '');
    }
    else if (FILE_SCHEME.test(rest)) {
        rest = rest.replace(FILE_SCHEME, '').replace(/^localhost\//i, '/');
    }
    else if (OTHER_URL.test(rest)) {
        rest = rest.replace(OTHER_URL, '');
    }
    rest = rest.replace(PARCEL_ROOT, '');
    runtime ||=
        RUNTIME_PREFIX.test(rest) ||
            rest.includes('(webpack)') || // (webpack)/buildin/global.js, (webpack)-dev-server/…
            RUNTIME_FILE.test(rest.slice(rest.lastIndexOf('/') + 1));
    const normalised = normalisePath(rest);
    const thirdParty = THIRD_PARTY_WORD.test(normalised) && THIRD_PARTY_SEGMENT.test(normalised);
    const firstParty = !runtime && !thirdParty;
    return { path: normalised, firstParty };
}
/** posix-normalises, drops the query/fragment bundlers append, and leading `./` and `../`. */
function normalisePath(value) {
    const query = value.search(/[?#]/);
    const bare = query === -1 ? value : value.slice(0, query);
    if (bare === '')
        return value;
    let trimmed = bare.replace(/^(?:\.\.?\/)+/, '');
    if (DOT_SEGMENT.test(trimmed))
        trimmed = external_node_path_default().posix.normalize(trimmed).replace(/^(?:\.\.?\/)+/, '');
    return trimmed === '.' || trimmed === '..' || trimmed === ''
        ? external_node_path_default().posix.normalize(bare)
        : trimmed;
}

;// CONCATENATED MODULE: ./src/sourcemap/embedded.ts


/**
 * Calls `visit` with the decoded text of every source a map embeds, one at a time, so only one
 * source's text is held at once. `content` is a map file or an inline map decoded with
 * `readSourceMappings`. Throws `SourceMapSyntaxError` when `content` is not a readable map;
 * call `looksLikeSourceMap` first for files that may be any JSON.
 */
function forEachEmbeddedSource(content, visit) {
    for (const source of scanSourceMap(content).sources) {
        const text = readEmbeddedText(content, source);
        if (text === undefined)
            continue;
        const { path, firstParty } = classifySourcePath(source.path);
        visit({ index: source.index, path, rawPath: source.path, firstParty, text });
    }
}

;// CONCATENATED MODULE: ./src/sourcemap/inline.ts

/**
 * Decoded once per file: this family and the secret rule both ask, one right after the other.
 * Only the last file is remembered, and weakly, so a large entry is not kept alive once the walk
 * lets it go. (A WeakMap entry per file cost ~1 µs each over 20,000 small files.)
 */
let last;
/** The inline maps (decoded) and the map reference of a JS, CSS or other text file. */
function readSourceMappings(entryPath, content) {
    if (last?.content.deref() === content)
        return last.result;
    const result = { inline: [] };
    for (const comment of findSourceMappingComments(entryPath, content)) {
        if (comment.kind === 'url')
            result.reference = { line: comment.line, url: comment.url };
        else
            result.inline.push({ line: comment.line, map: decodeDataUrl(content, comment) });
    }
    result.inline.sort((a, b) => a.line - b.line);
    last = { content: new WeakRef(content), result };
    return result;
}
/**
 * Decodes `data:[<media type>][;base64],<data>` to bytes: base64, or percent-encoding
 * (`data:application/json;charset=utf-8,%7B%22version%22…`). A URL without a comma decodes to
 * nothing, which the scanner reports as an empty map.
 */
function decodeDataUrl(content, url) {
    const comma = content.indexOf(0x2c, url.start);
    if (comma === -1 || comma >= url.end)
        return Buffer.alloc(0);
    if (isBase64DataHeader(content, url.start, comma))
        return Buffer.from(content.toString('latin1', comma + 1, url.end), 'base64');
    return decodePercent(content, comma + 1, url.end);
}
function decodePercent(content, from, end) {
    const out = Buffer.allocUnsafe(end - from);
    let length = 0;
    for (let i = from;;) {
        const percent = content.indexOf(0x25 /* % */, i);
        const stop = percent === -1 || percent >= end ? end : percent;
        length += content.copy(out, length, i, stop);
        if (stop === end)
            break;
        const high = hexValue(content[percent + 1]);
        const low = percent + 2 < end ? hexValue(content[percent + 2]) : -1;
        if (high < 0 || low < 0) {
            out[length++] = 0x25; // a stray '%' stays as it is, like decodeURI's lenient cousins
            i = percent + 1;
        }
        else {
            out[length++] = high * 16 + low;
            i = percent + 3;
        }
    }
    return out.subarray(0, length);
}
function hexValue(c) {
    if (c === undefined)
        return -1;
    if (c >= 0x30 && c <= 0x39)
        return c - 0x30;
    const lower = c | 0x20;
    return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

;// CONCATENATED MODULE: ./src/sourcemap/visit.ts





const MAP_EXTENSION = /\.map$/i;
/**
 * For rules that read the text of every file (the secret scanner): visits every source embedded
 * in `content`, whether it is a map file (by name or by content) or a JS/CSS/text file carrying
 * inline `data:` maps. Returns `isMap: true` when `content` is itself a readable map: its JSON
 * need not be scanned as text, since its sources were visited. A map that cannot be read is
 * skipped here (the sourcemap family reports it), and a broken map file is `isMap: false` so
 * that its raw text still gets scanned. A source's `text` is decoded on first read, so a visitor
 * that can rule a source out from its raw JSON bytes (`map`, `content`) never decodes it.
 */
function forEachSourceInFile(entryPath, content, visit) {
    if (MAP_EXTENSION.test(entryPath) || looksLikeSourceMap(content)) {
        if (!readable(content))
            return { isMap: false };
        visitSources(content, undefined, visit);
        return { isMap: true };
    }
    for (const inline of readSourceMappings(entryPath, content).inline) {
        if (readable(inline.map))
            visitSources(inline.map, inline.line, visit);
    }
    return { isMap: false };
}
function visitSources(map, mapLine, visit) {
    for (const source of scan_scanSourceMap(map).sources) {
        if (source.content === undefined)
            continue;
        const { path, firstParty } = source_path_classifySourcePath(source.path);
        visit(new LazySource(map, source.content, source.index, path, source.path, firstParty, mapLine));
    }
}
class LazySource {
    map;
    content;
    index;
    path;
    rawPath;
    firstParty;
    decoded;
    mapLine;
    constructor(map, content, index, path, rawPath, firstParty, mapLine) {
        this.map = map;
        this.content = content;
        this.index = index;
        this.path = path;
        this.rawPath = rawPath;
        this.firstParty = firstParty;
        if (mapLine !== undefined)
            this.mapLine = mapLine;
    }
    get text() {
        return (this.decoded ??= decodeJsonString(this.map, this.content.start, this.content.end));
    }
}
function readable(map) {
    try {
        scan_scanSourceMap(map); // cached: the sourcemap family scans the same buffer
        return true;
    }
    catch (error) {
        if (error instanceof SourceMapSyntaxError)
            return false;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/sourcemap/index.ts








;// CONCATENATED MODULE: ./src/rules/private-file-overlap.ts




const NONE = new Set();
/** In env and credential files, `private-file/*` names every credential-like assignment already. */
const ASSIGNMENTS = new Set([
    'secret/generic',
    'secret/npmrc-auth',
    'secret/database-url'
]);
/** In key files, `private-file/key` reports the key block already. */
const KEY_BLOCKS = new Set(['secret/private-key']);
/**
 * The `secret/*` rules that would only repeat what `private-file/*` reports about this file as a
 * whole. Fixed-format tokens (GitHub, npm, AWS …) are still reported inside such files: they say
 * exactly which credential leaked.
 */
function secretRulesCoveredByPrivateFile(entry) {
    const parts = splitEntryPath(entry.path);
    const named = CREDENTIAL_FILES.some((spec) => spec.hints === undefined && spec.matches(parts));
    if (named || classifyEnvName(parts.lowerName) !== undefined)
        return ASSIGNMENTS;
    return isKeyFile(entry, parts) ? KEY_BLOCKS : NONE;
}

;// CONCATENATED MODULE: ./src/rules/cap-per-rule.ts
/**
 * One report per item, at most `max` per rule; the items past that are summed up in one more
 * report of their rule. Rules keep the order in which they first appear.
 */
function capPerRule(items, ruleOf, max, one, rest) {
    const byRule = new Map();
    for (const item of items) {
        const rule = ruleOf(item);
        const list = byRule.get(rule);
        if (list)
            list.push(item);
        else
            byRule.set(rule, [item]);
    }
    const reports = [];
    for (const [rule, list] of byRule) {
        for (const item of list.slice(0, max))
            reports.push(one(item));
        if (list.length > max)
            reports.push(rest(rule, list.slice(max)));
    }
    return reports;
}

;// CONCATENATED MODULE: ./src/archive/detect-format.ts
/** Bytes of a source needed to recognise any format (one tar header block). */
const detect_format_HEAD_BYTES = 512;
const TAR_BLOCK_BYTES = 512;
const USTAR = [0x75, 0x73, 0x74, 0x61, 0x72]; // 'ustar' at offset 257
const MAGIC = [
    ['zip', [0x50, 0x4b, 0x03, 0x04]],
    ['zip', [0x50, 0x4b, 0x05, 0x06]], // an empty zip is only its end-of-central-directory record
    ['gzip', [0x1f, 0x8b]],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
    ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]]
];
function detectFormat(head) {
    for (const [format, magic] of MAGIC)
        if (startsWith(head, magic))
            return format;
    // 'BZh' then the block size digit 1-9
    if (head.length >= 4 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) {
        if (head[3] >= 0x31 && head[3] <= 0x39)
            return 'bzip2';
    }
    return isTarHeader(head) ? 'tar' : undefined;
}
/** A ustar/GNU header (magic at 257) or an old v7 header whose checksum adds up. */
function isTarHeader(block) {
    if (block.length < TAR_BLOCK_BYTES)
        return false;
    return startsWith(block, USTAR, 257) || checksumMatches(block);
}
/**
 * A decompressed payload that starts with two zero blocks is an empty tar (`tar czf x.tgz -T /dev/null`);
 * only trusted behind gzip/zstd, where the container already said "archive".
 */
function isEmptyTar(head) {
    return (head.length >= 2 * TAR_BLOCK_BYTES &&
        head.subarray(0, 2 * TAR_BLOCK_BYTES).every((b) => b === 0));
}
function startsWith(head, magic, at = 0) {
    if (head.length < at + magic.length)
        return false;
    for (let i = 0; i < magic.length; i++)
        if (head[at + i] !== magic[i])
            return false;
    return true;
}
function checksumMatches(block) {
    if (!checksumStartsOctal(block))
        return false; // most files: no string made
    const field = block
        .toString('latin1', 148, 156)
        .replace(/[\0 ]+$/, '')
        .trim();
    if (!/^[0-7]{1,7}$/.test(field))
        return false;
    let sum = 8 * 0x20; // the checksum field itself counts as spaces
    for (let i = 0; i < TAR_BLOCK_BYTES; i++)
        if (i < 148 || i >= 156)
            sum += block[i];
    return sum === parseInt(field, 8);
}
/** Whether the checksum field's first byte that `trim` would keep is an octal digit. */
function checksumStartsOctal(block) {
    for (let i = 148; i < 156; i++) {
        const byte = block[i];
        if (byte >= 0x30 && byte <= 0x37)
            return true;
        if (!(byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0xa0))
            return false;
    }
    return false;
}
/**
 * Compressed media formats, by their first bytes: their bytes are compressed or encoded pixels,
 * sound and glyphs, never readable strings, so they are not searched.
 */
const OPAQUE_MEDIA = [
    [0, '\x89PNG'],
    [0, '\xff\xd8\xff'], // JPEG
    [0, 'GIF8'],
    [8, 'WEBP'],
    [0, 'wOFF'],
    [0, 'wOF2'],
    [4, 'ftyp'], // MP4, MOV, HEIC, AVIF
    [0, 'OggS'],
    [0, 'ID3'], // MP3
    [0, '\x1aE\xdf\xa3'] // WebM, Matroska
];
/** Whether the content is one of them: searching it for text would find nothing. */
function isOpaqueMedia(content) {
    return OPAQUE_MEDIA.some(([offset, magic]) => content.toString('latin1', offset, offset + magic.length) === magic);
}
/**
 * Binary content with no strings worth searching: an archive (walked entry by entry instead) or
 * compressed media.
 */
function holdsNoStrings(content) {
    return detectFormat(content) !== undefined || isOpaqueMedia(content);
}

;// CONCATENATED MODULE: ./src/secrets/scan-binary.ts



/**
 * Searches binary content (an executable, a native addon, a `.wasm`, a database file) for the
 * credentials whose format is strict enough to trust there: a token compiled into a binary
 * (`-ldflags "-X main.token=…"`) ships as plain bytes. Matches come back by byte offset. Read in
 * the overlapping chunks text files are read in, with no line ends to cut at.
 */
function scanSecretsInBinary(content, options = {}) {
    const matches = [];
    for (const { start, owned, text } of latin1Chunks(content, CHUNK_BYTES, OVERLAP_BYTES)) {
        for (const match of findSecrets(text, { ...options, binary: true })) {
            if (match.index >= owned)
                continue; // in the overlap: the next chunk reports it
            const { rule, redacted, severity, description } = match;
            matches.push({ rule, offset: start + match.index, redacted, severity, description });
        }
    }
    return matches;
}

;// CONCATENATED MODULE: ./src/util/format.ts
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
/** 1536 → "1.5 KiB"; exact bytes below 1 KiB. */
function formatBytes(bytes) {
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
/** 1912 → "1,912"; not toLocaleString, whose first call loads locale data (30–65 ms). */
function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function plural(n, word, many = `${word}s`) {
    return `${formatCount(n)} ${n === 1 ? word : many}`;
}
/** A byte offset in a binary file, `0x1f40 (8000)`: as hex dumps and `strings -t x` show it, and in decimal. */
function formatOffset(offset) {
    return `0x${offset.toString(16)} (${offset})`;
}

;// CONCATENATED MODULE: ./src/rules/secret-binary.ts







const KEY_RULE = 'secret/private-key';
/** Crypto libraries carry private keys for their self-tests (GnuTLS, for one): not always a leak. */
const KEY_NOTE = '; one level lower: libraries embed test keys too, so check where the binary comes from';
/**
 * `secret/*` in a binary file: an archive is walked as one instead, and compressed media hold no
 * strings; anything else is searched for strict formats (see `scanSecretsInBinary`). Reports
 * name the byte offset, as a hex editor or `strings -t x` shows it.
 */
function scanBinaryEntry(entry, maxPerRule) {
    const { content } = entry;
    if (holdsNoStrings(content))
        return [];
    const matches = scanSecretsInBinary(content, { inTestFolder: isTestPath(entry.path) });
    if (matches.length === 0)
        return [];
    const covered = secretRulesCoveredByPrivateFile(entry);
    const severityOf = (m) => m.rule === KEY_RULE ? (0,finding/* lowerSeverity */.DB)(m.severity) : m.severity;
    return capPerRule(matches.filter((m) => !covered.has(m.rule)), (m) => m.rule, maxPerRule, (m) => ({
        rule: m.rule,
        entry,
        severity: severityOf(m),
        message: `${m.description}: ${m.redacted} in binary content at byte ${formatOffset(m.offset)}${m.rule === KEY_RULE ? KEY_NOTE : ''}`,
        details: { redacted: m.redacted, offset: m.offset }
    }), (rule, rest) => ({
        rule,
        entry,
        severity: rest.map(severityOf).reduce(finding/* worstSeverity */.Lc),
        message: `${rest.length} more ${rule} matches in this binary file are not listed one by one`,
        details: { omitted: rest.length, offsets: rest.map((m) => m.offset) }
    }));
}

;// CONCATENATED MODULE: ./src/rules/secret.ts












/** Past this many matches of one rule in one entry, the rest are counted in one extra report. */
const MAX_REPORTS_PER_RULE = 10;
/**
 * `secret/*`: high-confidence credentials in the text of every file, and the strictest formats in
 * binary files (executables, native addons, `.wasm`).
 * Sources embedded in source maps (map files, and inline `data:` maps in JS/CSS) are scanned one
 * by one, so a finding names the original file and its line; a readable map's JSON itself is not
 * scanned again. Where `private-file/*` reports a file as a whole (`.env`, `.npmrc`, `id_rsa`),
 * the generic and key-block matches in it are not repeated.
 */
const secretRule = {
    meta: { family: 'secret', rules: SECRET_RULES },
    create(context) {
        return {
            entry(entry) {
                if (!isFileEntry(entry))
                    return;
                if (isBinary(entry.content)) {
                    for (const report of scanBinaryEntry(entry, MAX_REPORTS_PER_RULE))
                        context.report(report);
                    return;
                }
                const found = [];
                const { isMap } = forEachSourceInFile(entry.path, entry.content, (source) => {
                    // Most embedded sources are ruled out from their raw JSON, without decoding them.
                    if (!mayHoldSecrets(source.map, source.content))
                        return;
                    const path = sourceName(source);
                    for (const match of scanSource(entry, path, source.text)) {
                        found.push({
                            match,
                            source: path,
                            ...(source.mapLine ? { mapLine: source.mapLine } : {})
                        });
                    }
                });
                if (!isMap) {
                    const inTestFolder = isTestPath(entry.path);
                    const matches = scanSecretsInBuffer(entry.content, { inTestFolder });
                    // Nearly every file holds no match: which rules the file's kind covers is asked after.
                    const covered = matches.length > 0 ? secretRulesCoveredByPrivateFile(entry) : undefined;
                    for (const match of matches)
                        if (!covered?.has(match.rule))
                            found.push({ match });
                }
                if (found.length === 0)
                    return; // nearly every file
                for (const report of toReports(entry, found))
                    context.report(report);
            }
        };
    }
};
/**
 * The hook for callers holding an embedded source themselves: scans one source embedded in a map
 * (`sourcesContent[i]`) and returns reports on the map entry, with the line in that source and
 * `details.source`. The caller passes them to its `context.report`.
 */
function scanEmbeddedSource(entry, sourcePath, text) {
    return toReports(entry, scanSource(entry, sourcePath, text).map((match) => ({ match, source: sourcePath })));
}
function scanSource(entry, sourcePath, text) {
    return scanSecrets(text, { inTestFolder: isTestPath(entry.path) || isTestPath(sourcePath) });
}
function sourceName(source) {
    return source.path || source.rawPath || `sourcesContent[${source.index}]`;
}
function toReports(entry, found) {
    return capPerRule(found, (item) => item.match.rule, MAX_REPORTS_PER_RULE, (item) => secret_toReport(entry, item), (rule, rest) => summarizeRest(entry, rule, rest));
}
function secret_toReport(entry, { match, source, mapLine }) {
    const where = source === undefined ? '' : ` in embedded source ${source}, line ${match.line}`;
    return {
        rule: match.rule,
        entry,
        line: match.line,
        severity: match.severity,
        message: `${match.description}: ${match.redacted}${where}`,
        details: {
            redacted: match.redacted,
            column: match.column,
            ...(source === undefined ? {} : { source }),
            ...(mapLine === undefined ? {} : { mapLine })
        }
    };
}
function summarizeRest(entry, rule, rest) {
    const severity = rest.map((item) => item.match.severity).reduce(finding/* worstSeverity */.Lc);
    const sources = [...new Set(rest.flatMap((item) => (item.source ? [item.source] : [])))];
    const where = sources.length === 0 ? 'this file' : `${sources.length} embedded source(s)`;
    return {
        rule,
        entry,
        line: rest[0].match.line,
        severity,
        message: `${rest.length} more ${rule} matches in ${where} are not listed one by one`,
        details: {
            omitted: rest.length,
            lines: rest.map((item) => item.match.line),
            ...(sources.length === 0 ? {} : { sources: sources.slice(0, MAX_REPORTS_PER_RULE) })
        }
    };
}

;// CONCATENATED MODULE: ./src/rules/sourcemap-public.ts



function indexPublicSources(tracked) {
    const index = new Map();
    for (const [file, sha256] of tracked) {
        const name = external_node_path_default().posix.basename(file);
        const list = index.get(name);
        if (list)
            list.push({ path: file, sha256 });
        else
            index.set(name, [{ path: file, sha256 }]);
    }
    return index;
}
/**
 * Which embedded first-party sources are already public: a tracked file whose path matches the
 * source's (equal, or one ends with the other at a `/`, so `src/x.ts` matches
 * `packages/app/src/x.ts` and `/home/ci/work/app/src/x.ts` matches `src/x.ts`) and whose
 * content has the same sha256 as the embedded text. Text is decoded and hashed only for
 * sources that have a path candidate.
 */
function findUnpublishedSources(content, sources, index) {
    return sources.filter((source) => !isPublished(content, source, index));
}
function isPublished(content, source, index) {
    const key = source.path.replace(/^\/+/, '');
    const candidates = (index.get(external_node_path_default().posix.basename(key)) ?? []).filter((file) => file.path === key || file.path.endsWith(`/${key}`) || key.endsWith(`/${file.path}`));
    if (candidates.length === 0)
        return false;
    const text = scan_readEmbeddedText(content, source.source) ?? '';
    const sha256 = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text, 'utf8').digest('hex');
    return candidates.some((file) => file.sha256 === sha256);
}

;// CONCATENATED MODULE: ./src/rules/sourcemap-stats.ts

const MAX_SAMPLE_PATHS = 5;
const MAX_TOP_DIRECTORIES = 5;
/** Directory depth used to group paths: `src/components/Button.tsx` → `src/components`. */
const TOP_DIRECTORY_DEPTH = 2;
function measureMap(summary) {
    const stats = {
        sources: 0,
        embedded: [],
        embeddedLines: 0,
        embeddedBytes: 0,
        thirdPartyEmbedded: 0,
        listed: []
    };
    for (const source of summary.sources) {
        stats.sources++;
        const { path, firstParty } = source_path_classifySourcePath(source.path);
        if (!firstParty) {
            if (source.content)
                stats.thirdPartyEmbedded++;
            continue;
        }
        const named = { source, path: path === '' ? `<unnamed source ${source.index}>` : path };
        if (!source.content) {
            stats.listed.push(named);
            continue;
        }
        stats.embedded.push(named);
        stats.embeddedLines += source.content.lines;
        stats.embeddedBytes += source.content.bytes;
    }
    return stats;
}
/** The first few paths, in map order (the entry point usually comes first). */
function samplePaths(sources, max = MAX_SAMPLE_PATHS) {
    return sources.slice(0, max).map((s) => s.path);
}
/** The directories holding most of the files, two levels deep, most files first. */
function topDirectories(sources) {
    const counts = new Map();
    for (const { path } of sources) {
        const segments = path.split('/').slice(0, -1);
        const absolute = segments[0] === '';
        const directory = segments.slice(0, TOP_DIRECTORY_DEPTH + (absolute ? 1 : 0)).join('/') ||
            (absolute ? '/' : '.');
        counts.set(directory, (counts.get(directory) ?? 0) + 1);
    }
    return [...counts]
        .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, MAX_TOP_DIRECTORIES)
        .map(([directory, files]) => ({ directory, files }));
}

;// CONCATENATED MODULE: ./src/rules/sourcemap-findings.ts



const EMBEDDED_SOURCE = 'sourcemap/embedded-source';
const MAP_FILE = 'sourcemap/file';
const DECLARATION_MAP = /\.d\.[cm]?ts\.map$/;
/** Paths named in a message; the details carry up to five. */
const MESSAGE_SAMPLES = 3;
/**
 * The one finding for a readable map: `embedded-source` when it embeds first-party text,
 * otherwise `file` (names only). With `publicIndex` (sources: public), embedded text that is
 * byte-for-byte in the public repository lowers the finding to a notice when all of it is.
 */
function describeMap(content, summary, where, publicIndex) {
    const stats = measureMap(summary);
    return stats.embedded.length === 0
        ? describeNamesOnly(stats, where)
        : describeEmbedded(content, stats, where, publicIndex);
}
function locate(where) {
    return { entry: where.entry, ...(where.line !== undefined ? { line: where.line } : {}) };
}
function describeNamesOnly(stats, where) {
    const { listed } = stats;
    const kind = where.inline ? 'inline source map' : 'source map';
    const what = listed.length > 0
        ? `${formatCount(listed.length)} first-party: ${listSamples(listed)}); it exposes the project's file layout`
        : stats.thirdPartyEmbedded > 0
            ? 'it embeds only third-party code)'
            : 'all third-party)';
    // TypeScript's declarationMap emits one per .d.ts for "go to definition"; a library ships
    // hundreds of them, and they show paths only, so a warning each would be noise to click past.
    const declaration = DECLARATION_MAP.test(where.entry.path);
    // A map that lists no sources shows nothing of the project.
    const quiet = declaration || stats.sources === 0;
    return {
        ...locate(where),
        rule: MAP_FILE,
        ...(quiet ? { severity: 'notice' } : {}),
        message: stats.sources === 0
            ? `${kind} lists no sources`
            : `${declaration ? 'declaration map' : kind} names ${plural(stats.sources, 'source')} without first-party sourcesContent (${what}`,
        details: {
            sources: stats.sources,
            firstPartyPaths: listed.length,
            thirdPartyFiles: stats.thirdPartyEmbedded,
            samplePaths: samplePaths(listed),
            topDirectories: topDirectories(listed),
            inline: where.inline
        }
    };
}
function describeEmbedded(content, stats, where, publicIndex) {
    const { embedded } = stats;
    const files = embedded.length;
    const kind = where.inline ? 'inline source map' : 'source map';
    const leak = `${kind} embeds ${plural(files, 'first-party file')} ` +
        `(${plural(stats.embeddedLines, 'line')}, ${formatBytes(stats.embeddedBytes)}) in sourcesContent`;
    const details = {
        firstPartyFiles: files,
        firstPartyLines: stats.embeddedLines,
        firstPartyBytes: stats.embeddedBytes,
        thirdPartyFiles: stats.thirdPartyEmbedded,
        samplePaths: samplePaths(embedded),
        topDirectories: topDirectories(embedded),
        inline: where.inline
    };
    const report = { ...locate(where), rule: EMBEDDED_SOURCE, details };
    if (!publicIndex) {
        return { ...report, message: `${leak}; anyone can rebuild them: ${listSamples(embedded)}` };
    }
    const unpublished = findUnpublishedSources(content, embedded, publicIndex);
    details.publicFiles = files - unpublished.length;
    details.unpublishedFiles = unpublished.length;
    details.unpublishedSamplePaths = samplePaths(unpublished);
    if (unpublished.length === 0) {
        const all = files === 1
            ? 'the embedded source matches a file'
            : `all ${formatCount(files)} embedded sources match files`;
        return { ...report, severity: 'notice', message: `${leak}; ${all} in this public repository` };
    }
    const which = unpublished.length === 1 ? '1 of them is' : `${formatCount(unpublished.length)} of them are`;
    return {
        ...report,
        message: `${leak}; ${which} not in this public repository: ${listSamples(unpublished)}`
    };
}
/** "src/a.ts, src/b.ts, src/c.ts and 1,909 more" */
function listSamples(sources) {
    const shown = samplePaths(sources, MESSAGE_SAMPLES).join(', ');
    const rest = sources.length - MESSAGE_SAMPLES;
    return rest > 0 ? `${shown} and ${formatCount(rest)} more` : shown;
}

;// CONCATENATED MODULE: ./src/rules/sourcemap-unreadable.ts

/** A map that could not be read: never silent, since whatever it holds was not audited. */
function describeUnreadableMap(where, error) {
    const what = where.inline ? 'inline source map' : 'source map';
    return {
        ...locate(where),
        rule: MAP_FILE,
        message: `${what} could not be parsed, so its sources were not audited: ${error.message}`,
        details: {
            error: error.kind,
            inline: where.inline,
            ...(error.offset !== undefined ? { offset: error.offset } : {})
        }
    };
}
/** A file that a `sourceMappingURL` names as a map but that is not one (reported on that file). */
function describeFalseMap(reference, target, reason) {
    // Only the path of the target is known here: entries are not kept past their visit.
    const entry = {
        artifact: reference.entry.artifact,
        path: target,
        depth: target.split('!/').length - 1,
        size: 0,
        kind: 'file'
    };
    return {
        rule: MAP_FILE,
        entry,
        message: `${reference.entry.path} names this file as its source map, but it could not be parsed as one: ${reason}`,
        details: { error: 'not-a-map', inline: false, referencedBy: reference.entry.path }
    };
}

;// CONCATENATED MODULE: ./src/rules/sourcemap-references.ts

const MAP_REFERENCE = 'sourcemap/reference';
const REMOTE_URL = /^(?:https?:)?\/\//i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/**
 * Where a reference points. Relative URLs resolve against the referencing file's directory
 * (entry paths may cross nested archives with `!/`, which posix joining handles as a segment);
 * root-relative ones (`/static/app.js.map`) match any path that ends with them, since the web
 * root can be any folder of the artifact.
 */
function resolveReference(reference, paths) {
    const url = reference.url;
    if (REMOTE_URL.test(url))
        return { kind: 'remote', host: hostOf(url) };
    if (ANY_SCHEME.test(url))
        return { kind: 'elsewhere' };
    const file = decodePath(url.replace(/[?#].*$/s, ''));
    if (file.startsWith('/')) {
        const rooted = external_node_path_default().posix.normalize(file);
        return { kind: 'local', candidates: paths.endingWith(rooted) };
    }
    const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(reference.entry.path), file));
    return { kind: 'local', candidates: paths.all.has(joined) ? [joined] : [] };
}
/** Every path of the artifact, with a by-file-name index built on first use. */
class ArtifactPaths {
    all;
    byName;
    constructor(all) {
        this.all = all;
    }
    /** Paths equal to `rooted` without its leading `/`, or ending with it. */
    endingWith(rooted) {
        if (!this.byName) {
            this.byName = new Map();
            for (const p of this.all) {
                const name = external_node_path_default().posix.basename(p);
                const list = this.byName.get(name);
                if (list)
                    list.push(p);
                else
                    this.byName.set(name, [p]);
            }
        }
        const list = this.byName.get(external_node_path_default().posix.basename(rooted)) ?? [];
        return list.filter((p) => p === rooted.slice(1) || p.endsWith(rooted));
    }
}
/** The finding for a reference whose map is not in the artifact or lives on a server. */
function describeReference(reference, target) {
    const base = { rule: MAP_REFERENCE, entry: reference.entry, line: reference.line };
    const name = external_node_path_default().posix.basename(reference.entry.path);
    switch (target.kind) {
        case 'remote':
            return {
                ...base,
                severity: 'warning',
                message: `${name} points to its source map at ${reference.url} (host ${target.host}); the URL ships with the release and names that host, and anyone who can reach it gets the map`,
                details: { url: reference.url, host: target.host, remote: true }
            };
        case 'elsewhere':
        case 'local':
            if (target.kind === 'local' && target.candidates.length > 0)
                return undefined;
            return {
                ...base,
                message: `${name} references the source map ${reference.url}, which is not in the artifact (served from elsewhere, or left behind by the build)`,
                details: { url: reference.url, remote: false }
            };
    }
}
function hostOf(url) {
    try {
        return new URL(url.startsWith('//') ? `https:${url}` : url).host || '(none)';
    }
    catch {
        return url.replace(REMOTE_URL, '').split(/[/?#]/)[0] || '(none)';
    }
}
function decodePath(url) {
    try {
        return decodeURIComponent(url);
    }
    catch {
        return url;
    }
}

;// CONCATENATED MODULE: ./src/rules/sourcemap.ts






/** Named like a source map: a parse failure is then reported, not taken for "some other file". */
const sourcemap_MAP_EXTENSION = /\.map$/i;
/**
 * Source maps that ship with a release: maps embedding first-party source (files and inline
 * `data:` maps), maps that only name the files, and `sourceMappingURL`s that point elsewhere.
 * Maps are recognised by content, whatever their name, and read without a full JSON parse.
 */
const sourcemapRule = {
    meta: {
        family: 'sourcemap',
        rules: {
            [EMBEDDED_SOURCE]: {
                severity: 'error',
                description: 'A source map embeds first-party source code in sourcesContent'
            },
            [MAP_FILE]: {
                severity: 'warning',
                description: "A source map ships without first-party sourcesContent (it exposes the file layout), or can't be parsed"
            },
            [MAP_REFERENCE]: {
                severity: 'notice',
                description: 'A sourceMappingURL points to a map that is not in the artifact, or to a server (warning)'
            }
        }
    },
    create: (context) => createVisitor(context)
};
function createVisitor(context) {
    const references = [];
    /** Map files read successfully, or whose failure was already reported. */
    const handled = new Set();
    /** Why JSON that looked like a map by content was not one (reported only if referenced). */
    const notMaps = new Map();
    /** Files too large to be read (the walker reports those). */
    const unread = new Set();
    const { sources, publicSources } = context.options;
    let publicIndex;
    const getPublicIndex = () => sources === 'public' && publicSources
        ? (publicIndex ??= indexPublicSources(publicSources))
        : undefined;
    const inspectMap = (content, where, quiet) => {
        try {
            context.report(describeMap(content, scan_scanSourceMap(content), where, getPublicIndex()));
        }
        catch (error) {
            if (!(error instanceof SourceMapSyntaxError))
                throw error;
            if (quiet && error.kind === 'not-a-map')
                return void notMaps.set(where.entry.path, error.message);
            context.report(describeUnreadableMap(where, error));
        }
        if (!where.inline)
            handled.add(where.entry.path);
    };
    const inspectFile = (entry) => {
        const named = sourcemap_MAP_EXTENSION.test(entry.path);
        if (named || looksLikeSourceMap(entry.content))
            return inspectMap(entry.content, { entry, inline: false }, !named);
        const mappings = readSourceMappings(entry.path, entry.content);
        for (const inline of mappings.inline)
            inspectMap(inline.map, { entry, inline: true, line: inline.line }, false);
        // Keep the entry without its content: references live until the artifact ends.
        if (mappings.reference)
            references.push({ entry: describeEntry(entry), ...mappings.reference });
    };
    return {
        entry(entry) {
            if (entry.kind !== 'file')
                return;
            if (isFileEntry(entry))
                inspectFile(entry);
            else
                unread.add(entry.path);
        },
        end(paths) {
            const artifactPaths = new ArtifactPaths(paths);
            for (const reference of references) {
                const target = resolveReference(reference, artifactPaths);
                const finding = describeReference(reference, target);
                if (finding)
                    context.report(finding);
                if (target.kind !== 'local')
                    continue;
                // A referenced file is claimed as a map: if it was not one, say so (once).
                for (const candidate of target.candidates) {
                    if (handled.has(candidate) || unread.has(candidate))
                        continue;
                    handled.add(candidate);
                    const reason = notMaps.get(candidate) ?? 'it is not a JSON source map';
                    context.report(describeFalseMap(reference, candidate, reason));
                }
            }
        }
    };
}
function describeEntry({ artifact, path, depth, size, kind }) {
    return { artifact, path, depth, size, kind };
}

;// CONCATENATED MODULE: ./src/rules/index.ts






/** Every rule family that runs on every audit (the policy family is added when a policy exists). */
const BUILTIN_RULES = [sourcemapRule, privateFileRule, secretRule];
/** Metadata of every rule id the tool can report, for reporters (SARIF rules) and docs. */
function allRuleMetas(extra = []) {
    return [
        ...BUILTIN_RULES.map((r) => r.meta),
        POLICY_RULES_META,
        BASELINE_RULES_META,
        ARCHIVE_RULES_META,
        AUDIT_RULES_META,
        ...extra
    ];
}
function knownRuleIds() {
    return allRuleMetas().flatMap((meta) => Object.keys(meta.rules));
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept in step with package.json by a test (the bundle cannot read package.json at run time). */
const TOOL_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/report/docs-url.ts

const DOCS_BASE_URL = 'https://github.com/release-audit/release-audit/blob';
/** The documentation page of a rule id (docs/rules/<family>/<name>.md at this version's tag). */
function ruleDocsUrl(ruleId) {
    return `${DOCS_BASE_URL}/v${TOOL_VERSION}/docs/rules/${ruleId}.md`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts



const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = {
    error: 'error',
    warning: 'warning',
    notice: 'note'
};
/**
 * SARIF 2.1.0 for code scanning. Locations point at repository files where the artifact path maps
 * to one (otherwise at the fallback anchor); the artifact path is always in the message and in
 * `properties`, and the fingerprint is keyed to artifact content, not to commits.
 */
function renderSarif(report, anchor, extraRules = []) {
    const rules = collectRules(report.findings, extraRules);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const sarif = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'release-audit',
                        version: report.tool.version,
                        informationUri: 'https://github.com/release-audit/release-audit',
                        rules
                    }
                },
                automationDetails: { id: 'release-audit/' },
                results: report.findings.map((f) => renderResult(f, index.get(f.rule) ?? 0, anchor))
            }
        ]
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}
function collectRules(findings, extra) {
    const known = new Map();
    for (const meta of allRuleMetas(extra)) {
        for (const [id, rule] of Object.entries(meta.rules))
            known.set(id, rule);
    }
    const ids = [...new Set([...known.keys(), ...findings.map((f) => f.rule)])].sort();
    return ids.map((id) => {
        const rule = known.get(id) ?? { severity: 'error', description: id };
        return {
            id,
            name: id.replace(/[/-](\w)/g, (_, c) => c.toUpperCase()),
            shortDescription: { text: rule.description },
            fullDescription: { text: rule.description },
            helpUri: ruleDocsUrl(id),
            help: { text: `${rule.description}. See ${ruleDocsUrl(id)}` },
            defaultConfiguration: { level: LEVEL[rule.severity] },
            properties: { tags: ['security', 'release'] }
        };
    });
}
function renderResult(finding, ruleIndex, anchor) {
    const where = `${finding.artifact}: ${finding.path || '(artifact)'}${finding.line ? `:${finding.line}` : ''}`;
    const location = anchor?.(finding) ?? {
        path: finding.path.split('!/').at(-1) || finding.artifact,
        line: finding.line ?? 1
    };
    return {
        ruleId: finding.rule,
        ruleIndex,
        level: LEVEL[finding.severity],
        message: { text: `${finding.message} (in ${where})` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: encodeURI(location.path) },
                    region: { startLine: Math.max(1, location.line) }
                }
            }
        ],
        partialFingerprints: { 'releaseAudit/v1': fingerprint(finding) },
        properties: { artifact: finding.artifact, artifactPath: finding.path }
    };
}
/** Rule, path and line; in a binary file, where findings have no line, the byte offset. */
function fingerprint(finding) {
    const offset = finding.details?.offset;
    const where = typeof offset === 'number' ? `@${offset}` : `${finding.line ?? 0}`;
    return (0,external_node_crypto_namespaceObject.createHash)('sha256')
        .update(`${finding.rule}\0${finding.path}\0${where}`)
        .digest('hex')
        .slice(0, 32);
}

;// CONCATENATED MODULE: ./src/engine/conclusion.ts

/** Whether a finding of this severity reaches the `fail-on` threshold. */
function isBlocking(severity, failOn) {
    return failOn !== 'never' && (0,finding/* severityRank */.qs)(severity) <= (0,finding/* severityRank */.qs)(failOn);
}
/**
 * `failure` when a finding reaches `fail-on`; `neutral` when errors or warnings remain below it
 * (a required check still passes on neutral, but the run shows there is something to read);
 * `success` otherwise.
 */
function concludeAudit(findings, failOn) {
    if (findings.some((f) => isBlocking(f.severity, failOn)))
        return 'failure';
    if (findings.some((f) => f.severity !== 'notice'))
        return 'neutral';
    return 'success';
}

// EXTERNAL MODULE: ./src/engine/report.ts
var report = __nccwpck_require__(594);
;// CONCATENATED MODULE: ./src/engine/with-findings.ts




/**
 * The report with its findings replaced: sorted, counted and concluded again, so no step that
 * adds, drops or re-levels findings can leave stale counts or a stale conclusion behind.
 */
function withFindings(report, findings, failOn, suppressed = report.suppressed ?? []) {
    const sorted = [...findings].sort(finding/* compareFindings */.Eg);
    const count = (severity) => sorted.filter((f) => f.severity === severity).length;
    const rest = { ...report };
    delete rest.suppressed;
    return {
        ...rest,
        conclusion: concludeAudit(sorted, failOn),
        summary: {
            ...report.summary,
            error: count('error'),
            warning: count('warning'),
            notice: count('notice')
        },
        findings: sorted,
        ...(suppressed.length > 0 ? { suppressed: [...suppressed] } : {})
    };
}
/** A new report over `artifacts`: totals summed from them, findings counted and concluded. */
function buildReport(artifacts, findings, failOn, suppressed = []) {
    const empty = {
        version: report/* REPORT_VERSION */.A,
        tool: { name: 'release-audit', version: TOOL_VERSION },
        conclusion: 'success',
        summary: {
            error: 0,
            warning: 0,
            notice: 0,
            artifacts: artifacts.length,
            files: artifacts.reduce((n, a) => n + a.files, 0),
            bytes: artifacts.reduce((n, a) => n + a.bytes, 0)
        },
        artifacts,
        findings: []
    };
    return withFindings(empty, findings, failOn, suppressed);
}

;// CONCATENATED MODULE: ./src/baseline/align-paths.ts
/** Separates nesting levels in entry paths: `outer.zip!/inner.tgz!/package/x.js`. */
const LEVEL_SEPARATOR = '!/';
// Levels past this stay joined, so a path from a hostile report cannot recurse without bound.
const MAX_LEVELS = 16;
/**
 * Builds, for two versions of one artifact, functions that map stored entry paths to comparable
 * ones. `./` prefixes are dropped and, at each nesting level, a root folder shared by every
 * entry of that level (`package/` in npm tarballs, `my-app-1.2.0/` in a zip of a folder) is
 * removed — on each side only where that lines the two sides up at least as well, so a folder
 * holding just `dist/` still matches a tarball's `package/dist/`.
 */
function alignPaths(before, after) {
    const roots = { before: new Map(), after: new Map() };
    decideLevel(0, '', before.map(splitLevels), after.map(splitLevels), roots);
    return {
        before: (path) => normalise(path, roots.before),
        after: (path) => normalise(path, roots.after)
    };
}
function decideLevel(level, container, before, after, roots) {
    const beforeNames = before.map((parts) => parts[level]);
    const afterNames = after.map((parts) => parts[level]);
    const [rootBefore, rootAfter] = chooseRoots(beforeNames, afterNames);
    if (rootBefore !== undefined)
        roots.before.set(container, rootBefore);
    if (rootAfter !== undefined)
        roots.after.set(container, rootAfter);
    const nested = new Map();
    const collect = (side, list, root) => {
        for (const parts of list) {
            parts[level] = stripRoot(parts[level], root);
            if (parts.length <= level + 1)
                continue;
            const key = `${container}${parts[level]}${LEVEL_SEPARATOR}`;
            const group = nested.get(key) ?? { before: [], after: [] };
            group[side].push(parts);
            nested.set(key, group);
        }
    };
    collect('before', before, rootBefore);
    collect('after', after, rootAfter);
    for (const [key, group] of nested)
        decideLevel(level + 1, key, group.before, group.after, roots);
}
/** Of the ways to strip (or keep) each side's single root, the first with the largest overlap. */
function chooseRoots(before, after) {
    const rootBefore = sharedRoot(before);
    const rootAfter = sharedRoot(after);
    const options = [
        [rootBefore, rootAfter],
        [rootBefore, undefined],
        [undefined, rootAfter],
        [undefined, undefined]
    ];
    let best = options[3];
    let bestOverlap = -1;
    const seen = new Set();
    for (const option of options) {
        const key = JSON.stringify(option);
        if (seen.has(key))
            continue;
        seen.add(key);
        const afterNames = new Set(after.map((name) => stripRoot(name, option[1])));
        const overlap = countShared(before.map((name) => stripRoot(name, option[0])), afterNames);
        if (overlap > bestOverlap)
            [best, bestOverlap] = [option, overlap];
    }
    return best;
}
function countShared(names, other) {
    let shared = 0;
    for (const name of new Set(names))
        if (other.has(name))
            shared++;
    return shared;
}
/** The first folder every name sits in, when there is exactly one. */
function sharedRoot(names) {
    let root;
    for (const name of names) {
        const slash = name.indexOf('/');
        if (slash <= 0)
            return undefined;
        const first = name.slice(0, slash);
        if (root === undefined)
            root = first;
        else if (first !== root)
            return undefined;
    }
    return root;
}
function stripRoot(name, root) {
    if (root === undefined)
        return name;
    if (name === root)
        return '';
    return name.startsWith(`${root}/`) ? name.slice(root.length + 1) : name;
}
function splitLevels(path) {
    const levels = path.split(LEVEL_SEPARATOR);
    if (levels.length > MAX_LEVELS)
        levels.push(levels.splice(MAX_LEVELS - 1).join(LEVEL_SEPARATOR));
    return levels.map(dropDotSlash);
}
function dropDotSlash(name) {
    let result = name;
    while (result.startsWith('./'))
        result = result.slice(2);
    return result;
}
function normalise(path, roots) {
    const levels = splitLevels(path);
    let container = '';
    const out = [];
    for (const name of levels) {
        const stripped = stripRoot(name, roots.get(container));
        out.push(stripped);
        container = `${container}${stripped}${LEVEL_SEPARATOR}`;
    }
    return out.join(LEVEL_SEPARATOR);
}

;// CONCATENATED MODULE: ./src/baseline/diff-artifact.ts

/** Compares two versions of one artifact file by file, after aligning their root folders. */
function diffArtifact(current, baseline, thresholds) {
    const before = baseline.artifact.entries;
    const after = current.artifact.entries;
    const normalise = alignPaths(pathUniverse(before, baseline.findings), pathUniverse(after, current.findings));
    if (!before || !after)
        return { added: [], removed: [], grown: [], hasFileLists: false, normalise };
    const beforeByKey = indexByKey(before, normalise.before);
    const afterByKey = indexByKey(after, normalise.after);
    const added = [];
    const grown = [];
    for (const [key, entry] of afterByKey) {
        const old = beforeByKey.get(key);
        if (!old) {
            added.push({ path: entry.path, key, bytes: entry.size });
            continue;
        }
        const percent = growthPercent(old.size, entry.size);
        if (entry.size >= thresholds.minFileBytes && percent > thresholds.maxGrowthPercent.file) {
            grown.push({ path: entry.path, key, before: old.size, after: entry.size, percent });
        }
    }
    const removed = [];
    for (const [key, entry] of beforeByKey) {
        if (!afterByKey.has(key))
            removed.push({ path: entry.path, key, bytes: entry.size });
    }
    return { added, removed, grown, hasFileLists: true, normalise };
}
/** (after − before) ÷ before in percent; Infinity from zero, 0 when nothing grew. */
function growthPercent(before, after) {
    if (after <= before)
        return 0;
    return before === 0 ? Infinity : ((after - before) / before) * 100;
}
function indexByKey(entries, normalise) {
    const byKey = new Map();
    for (const entry of entries) {
        const key = normalise(entry.path);
        if (!byKey.has(key))
            byKey.set(key, entry);
    }
    return byKey;
}
/** The paths that decide root folders: the file list, or finding paths when there is none. */
function pathUniverse(entries, findings) {
    if (entries)
        return entries.map((e) => e.path);
    return findings.map((f) => f.path).filter((path) => path !== '');
}

;// CONCATENATED MODULE: ./src/baseline/group-files.ts
/** Above this many changed files of one kind in one artifact, findings are grouped by top folder. */
const MAX_UNGROUPED_FILES = 20;
const SAMPLES_PER_GROUP = 5;
const group_files_LEVEL_SEPARATOR = '!/';
/**
 * Files sorted by path, each alone when there are at most MAX_UNGROUPED_FILES, otherwise one
 * group per top-level folder (a folder with a single changed file still stands alone).
 */
function groupByTopFolder(files) {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (sorted.length <= MAX_UNGROUPED_FILES)
        return sorted;
    const groups = new Map();
    for (const file of sorted) {
        const top = topOf(file.key).key;
        const group = groups.get(top);
        if (group)
            group.push(file);
        else
            groups.set(top, [file]);
    }
    return [...groups.values()].map((group) => (group.length === 1 ? group[0] : describeGroup(group)));
}
function isGroup(item) {
    return 'files' in item && Array.isArray(item.files);
}
function describeGroup(files) {
    const first = files[0];
    const top = topOf(first.key);
    return {
        files,
        path: storedPrefix(first) + top.display,
        where: top.key === '' ? 'the top level' : top.display,
        samples: files.slice(0, SAMPLES_PER_GROUP).map((f) => f.key)
    };
}
/**
 * The top-level folder a comparable path sits in (`dist` for `dist/a/b.js`, the archive for
 * `inner.tgz!/x.js`), or '' for a file at the top level; `display` is how it is shown.
 */
function topOf(key) {
    const separator = key.indexOf(group_files_LEVEL_SEPARATOR);
    const outer = separator === -1 ? key : key.slice(0, separator);
    const slash = outer.indexOf('/');
    if (slash > 0)
        return { key: outer.slice(0, slash), display: `${outer.slice(0, slash)}/` };
    if (separator !== -1)
        return { key: outer, display: outer };
    return { key: '', display: '' };
}
/** The root folder the stored path had before alignment removed it (`package/`), or ''. */
function storedPrefix(file) {
    const storedOuter = file.path.split(group_files_LEVEL_SEPARATOR)[0];
    const keyOuter = file.key.split(group_files_LEVEL_SEPARATOR)[0];
    return storedOuter.endsWith(keyOuter)
        ? storedOuter.slice(0, storedOuter.length - keyOuter.length)
        : '';
}

;// CONCATENATED MODULE: ./src/baseline/file-findings.ts


/** `baseline/new-file` or `baseline/removed-file` findings: one per file, or per top folder when many. */
function reportChangedFiles(change, files, context) {
    return groupByTopFolder(files).map((item) => isGroup(item) ? reportGroup(change, item, context) : reportFile(change, item, context));
}
function reportFile(change, file, context) {
    const isNew = change === 'new';
    return {
        rule: isNew ? 'baseline/new-file' : 'baseline/removed-file',
        severity: 'warning',
        artifact: context.artifact,
        path: file.path,
        message: isNew
            ? `new file since ${context.label} (${formatBytes(file.bytes)})`
            : `removed since ${context.label} (was ${formatBytes(file.bytes)})`,
        details: { bytes: file.bytes, baseline: context.label }
    };
}
function reportGroup(change, group, context) {
    const isNew = change === 'new';
    const count = group.files.length;
    const bytes = group.files.reduce((n, f) => n + f.bytes, 0);
    const more = count > group.samples.length ? ', …' : '';
    return {
        rule: isNew ? 'baseline/new-file' : 'baseline/removed-file',
        severity: 'warning',
        artifact: context.artifact,
        path: group.path,
        message: `${formatCount(count)} files ${isNew ? 'new in' : 'removed from'} ${group.where} since ` +
            `${context.label} (${formatBytes(bytes)}), e.g. ${group.samples.join(', ')}${more}`,
        details: { count, bytes, samples: group.samples, folder: group.where, baseline: context.label }
    };
}

;// CONCATENATED MODULE: ./src/baseline/growth-findings.ts



/**
 * `baseline/growth` for one artifact: total bytes, file count, and each file over the threshold
 * (grouped by top folder when many files grew).
 */
function reportGrowth(totals, grown, context) {
    const { label, thresholds } = context;
    const findings = [];
    const bytes = growthPercent(totals.bytes.before, totals.bytes.after);
    // From an empty previous release every number is "infinite growth"; the file list says more.
    if (totals.bytes.before > 0 && bytes > thresholds.maxGrowthPercent.total) {
        findings.push(growthFinding(context, '', {
            message: `total size grew ${formatPercent(bytes)} since ${label}: ${formatBytes(totals.bytes.before)} → ` +
                `${formatBytes(totals.bytes.after)} (limit +${thresholds.maxGrowthPercent.total}%)`,
            details: {
                metric: 'total',
                ...totals.bytes,
                percent: round(bytes),
                limit: thresholds.maxGrowthPercent.total
            }
        }));
    }
    const files = growthPercent(totals.files.before, totals.files.after);
    if (totals.files.before > 0 && files > thresholds.maxGrowthPercent.files) {
        findings.push(growthFinding(context, '', {
            message: `file count grew ${formatPercent(files)} since ${label}: ${formatCount(totals.files.before)} → ` +
                `${formatCount(totals.files.after)} files (limit +${thresholds.maxGrowthPercent.files}%)`,
            details: {
                metric: 'files',
                ...totals.files,
                percent: round(files),
                limit: thresholds.maxGrowthPercent.files
            }
        }));
    }
    for (const item of groupByTopFolder(grown)) {
        findings.push(isGroup(item) ? reportGrownGroup(item, context) : reportGrownFile(item, context));
    }
    return findings;
}
function reportGrownFile(file, context) {
    const { label, thresholds } = context;
    return growthFinding(context, file.path, {
        message: `grew ${formatPercent(file.percent)} since ${label}: ${formatBytes(file.before)} → ` +
            `${formatBytes(file.after)} (${describeFileLimit(thresholds)})`,
        details: {
            metric: 'file',
            before: file.before,
            after: file.after,
            percent: Number.isFinite(file.percent) ? round(file.percent) : null,
            limit: thresholds.maxGrowthPercent.file
        }
    });
}
function reportGrownGroup(group, context) {
    const before = group.files.reduce((n, f) => n + f.before, 0);
    const after = group.files.reduce((n, f) => n + f.after, 0);
    const count = group.files.length;
    const more = count > group.samples.length ? ', …' : '';
    return growthFinding(context, group.path, {
        message: `${formatCount(count)} files in ${group.where} grew since ${context.label}: together ` +
            `${formatBytes(before)} → ${formatBytes(after)} (${describeFileLimit(context.thresholds)}), ` +
            `e.g. ${group.samples.join(', ')}${more}`,
        details: {
            metric: 'file',
            count,
            before,
            after,
            samples: group.samples,
            folder: group.where,
            limit: context.thresholds.maxGrowthPercent.file
        }
    });
}
function describeFileLimit(thresholds) {
    return (`limit +${thresholds.maxGrowthPercent.file}% for files of ` +
        `${formatBytes(thresholds.minFileBytes)} or more`);
}
function growthFinding(context, path, body) {
    return {
        rule: 'baseline/growth',
        severity: 'warning',
        artifact: context.artifact,
        path,
        message: body.message,
        details: { ...body.details, baseline: context.label }
    };
}
/** 24.96 → "+25.0%", 900 → "+900%", Infinity → "from zero". */
function formatPercent(percent) {
    if (!Number.isFinite(percent))
        return 'from zero';
    return percent < 100 ? `+${percent.toFixed(1)}%` : `+${formatCount(Math.round(percent))}%`;
}
function round(percent) {
    return Math.round(percent * 10) / 10;
}

;// CONCATENATED MODULE: ./src/baseline/match-artifacts.ts
// `1.2.0`, `v2.10`, `1.0.0-rc.1`, `3.1.4-beta2`: a release's version inside an artifact name.
const VERSION_PATTERN = /v?\d+(?:\.\d+)+(?:[-.]?(?:alpha|beta|rc|next|canary|dev|pre|preview|snapshot|nightly)(?:[.-]?\d+)*)?/gi;
/** `pkg-1.2.0.tgz` → `pkg-#.tgz`, so consecutive releases of one artifact share a key. */
function normaliseArtifactName(name) {
    return name.replace(VERSION_PATTERN, '#');
}
function baseName(name) {
    return normaliseArtifactName(name.slice(name.lastIndexOf('/') + 1));
}
/**
 * Pairs this release's artifacts with the previous release's: by exact name, then by name with
 * version numbers normalised (full name, then base name; a key must be unique on both sides),
 * or, when each side has exactly one artifact, those two. Unpaired artifacts come back with one side missing.
 */
function matchArtifacts(current, baseline) {
    const paired = new Map();
    const left = { current: [...current], baseline: [...baseline] };
    const pairBy = (key) => {
        const currentByKey = uniqueBy(left.current, key);
        const baselineByKey = uniqueBy(left.baseline, key);
        for (const [k, artifact] of currentByKey) {
            const match = baselineByKey.get(k);
            if (match)
                paired.set(artifact, match);
        }
        left.current = left.current.filter((a) => !paired.has(a));
        const used = new Set(paired.values());
        left.baseline = left.baseline.filter((a) => !used.has(a));
    };
    pairBy((name) => name);
    pairBy(normaliseArtifactName);
    pairBy(baseName);
    if (current.length === 1 && baseline.length === 1 && left.current.length === 1) {
        paired.set(left.current[0], left.baseline[0]);
        left.baseline = [];
    }
    return [
        ...current.map((artifact) => {
            const match = paired.get(artifact);
            return match ? { current: artifact, baseline: match } : { current: artifact };
        }),
        ...left.baseline.map((artifact) => ({ baseline: artifact }))
    ];
}
function uniqueBy(artifacts, key) {
    const found = new Map();
    for (const artifact of artifacts) {
        const k = key(artifact.name);
        found.set(k, found.has(k) ? null : artifact);
    }
    const unique = new Map();
    for (const [k, artifact] of found)
        if (artifact)
            unique.set(k, artifact);
    return unique;
}

;// CONCATENATED MODULE: ./src/baseline/new-findings.ts

/**
 * This release's source-map, private-file and secret findings of one artifact that the previous
 * release did not have: no finding of the same rule on the same (aligned) path. Everything in
 * an artifact with no counterpart in the previous release is new.
 */
function findIntroduced(current, baseline) {
    const tracked = current.findings.filter(isTracked);
    if (!baseline)
        return tracked;
    const known = new Set(baseline.findings.filter(isTracked).map((f) => key(f.rule, baseline.normalise(f.path))));
    return tracked.filter((f) => !known.has(key(f.rule, current.normalise(f.path))));
}
/**
 * Appends " (new since <label>)" to the message of every finding in `introduced` and sets
 * `details.new = true`; other findings come back unchanged. Findings are matched by value
 * (rule, artifact, path, line, message), so copies made by policy processing still match;
 * marking twice changes nothing.
 */
function markNewFindings(findings, introduced, label) {
    const wanted = new Set(introduced.map(identity));
    return findings.map((finding) => {
        if (!wanted.has(identity(finding)) || finding.details?.new === true)
            return finding;
        return {
            ...finding,
            message: `${finding.message} (new since ${label})`,
            details: { ...finding.details, new: true }
        };
    });
}
function isTracked(finding) {
    return TRACKED_FAMILIES.includes(finding.rule.slice(0, finding.rule.indexOf('/')));
}
function key(rule, path) {
    return `${rule}\0${path}`;
}
function identity(f) {
    return JSON.stringify([f.rule, f.artifact, f.path, f.line ?? 0, f.message]);
}

;// CONCATENATED MODULE: ./src/baseline/section.ts
/** Longest `added` / `removed` / `grown` / `introduced` list kept in the report; `counts` has the totals. */
const MAX_SECTION_ITEMS = 300;
/** The baseline section of a report, when it has one of this shape (e.g. read back from JSON). */
function readBaselineSection(report) {
    const section = report.baseline;
    if (!section || typeof section.label !== 'string')
        return undefined;
    const lists = ['artifacts', 'added', 'removed', 'grown', 'introduced', 'notes'];
    if (!lists.every((key) => Array.isArray(section[key])))
        return undefined;
    return section;
}

;// CONCATENATED MODULE: ./src/baseline/thresholds.ts
const DEFAULT_BASELINE_THRESHOLDS = {
    maxGrowthPercent: { total: 25, file: 100, files: 10 },
    minFileBytes: 10 * 1024
};
/** Fills what the policy leaves out with the defaults. */
function resolveBaselineThresholds(policy = {}) {
    const growth = policy['max-growth-percent'] ?? {};
    const defaults = DEFAULT_BASELINE_THRESHOLDS;
    return {
        maxGrowthPercent: {
            total: growth.total ?? defaults.maxGrowthPercent.total,
            file: growth.file ?? defaults.maxGrowthPercent.file,
            files: growth.files ?? defaults.maxGrowthPercent.files
        },
        minFileBytes: policy['min-file-bytes'] ?? defaults.minFileBytes
    };
}

;// CONCATENATED MODULE: ./src/baseline/compare.ts







/** Compares this release's report with the previous release's, artifact by artifact. */
function compareWithBaseline(current, baseline, thresholds = DEFAULT_BASELINE_THRESHOLDS) {
    const { label } = baseline;
    const findings = [];
    const introduced = [];
    const artifacts = [];
    const added = [];
    const removed = [];
    const grown = [];
    const notes = describeIncompleteBaseline(baseline.report);
    const findingsOf = (report, artifact) => report.findings.filter((f) => f.artifact === artifact.name);
    for (const { current: after, baseline: before } of matchArtifacts(current.artifacts, baseline.report.artifacts)) {
        if (!after || !before) {
            artifacts.push(unpairedChange(after, before));
            if (before)
                notes.push(`${before.name} from ${label} is not in this release`);
            if (after) {
                notes.push(`${after.name} is new: not in ${label}`);
                append(introduced, findIntroduced({ findings: findingsOf(current, after), normalise: (p) => p }));
            }
            continue;
        }
        const currentSide = { artifact: after, findings: findingsOf(current, after) };
        const baselineSide = { artifact: before, findings: findingsOf(baseline.report, before) };
        const diff = diffArtifact(currentSide, baselineSide, thresholds);
        if (!diff.hasFileLists) {
            const which = before.entries ? `${after.name} in this release` : `${before.name} in ${label}`;
            notes.push(`${which} has no file list, so only totals were compared`);
        }
        const totals = {
            files: { before: before.files, after: after.files },
            bytes: { before: before.bytes, after: after.bytes }
        };
        const context = { artifact: after.name, label, thresholds };
        append(findings, reportChangedFiles('new', diff.added, context));
        append(findings, reportChangedFiles('removed', diff.removed, context));
        append(findings, reportGrowth(totals, diff.grown, context));
        append(introduced, findIntroduced({ findings: currentSide.findings, normalise: diff.normalise.after }, { findings: baselineSide.findings, normalise: diff.normalise.before }));
        artifacts.push({ current: after.name, baseline: before.name, ...totals, ...countChanges(diff) });
        const artifact = after.name;
        append(added, diff.added.map((f) => ({ artifact, path: f.path, bytes: f.bytes })));
        append(removed, diff.removed.map((f) => ({ artifact, path: f.path, bytes: f.bytes })));
        append(grown, diff.grown.map((f) => ({ artifact, path: f.path, before: f.before, after: f.after })));
    }
    const section = {
        label,
        artifacts,
        files: { before: baseline.report.summary.files, after: current.summary.files },
        bytes: { before: baseline.report.summary.bytes, after: current.summary.bytes },
        added: cap(added, (a, b) => b.bytes - a.bytes),
        removed: cap(removed, (a, b) => b.bytes - a.bytes),
        grown: cap(grown, (a, b) => b.after - b.before - (a.after - a.before)),
        introduced: cap(introduced.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            artifact: f.artifact,
            path: f.path
        })), () => 0),
        counts: {
            added: added.length,
            removed: removed.length,
            grown: grown.length,
            introduced: introduced.length
        },
        thresholds,
        notes
    };
    return { findings, section, introduced };
}
function unpairedChange(current, baseline) {
    return {
        ...(current ? { current: current.name } : {}),
        ...(baseline ? { baseline: baseline.name } : {}),
        files: { before: baseline?.files ?? 0, after: current?.files ?? 0 },
        bytes: { before: baseline?.bytes ?? 0, after: current?.bytes ?? 0 },
        added: 0,
        removed: 0,
        grown: 0
    };
}
function countChanges(diff) {
    return { added: diff.added.length, removed: diff.removed.length, grown: diff.grown.length };
}
/** Parts of the previous release that were not read make "new" and "removed" unreliable: say so. */
function describeIncompleteBaseline(report) {
    return report.findings
        .filter((f) => f.rule === 'archive/unreadable' || f.rule === 'archive/limit')
        .slice(0, 5)
        .map((f) => `the baseline was not read completely (${f.artifact}${f.path ? `: ${f.path}` : ''}: ${f.message})`);
}
function cap(items, order) {
    return [...items].sort(order).slice(0, MAX_SECTION_ITEMS);
}
/** `target.push(...items)` without the argument-count limit that large releases would hit. */
function append(target, items) {
    for (const item of items)
        target.push(item);
}

;// CONCATENATED MODULE: ./src/baseline/apply.ts



/**
 * The report of this release with the comparison folded in: `baseline/*` findings added, new
 * source-map / private-file / secret findings marked "(new since <label>)", `baseline` set,
 * and counts and conclusion recomputed.
 */
function applyBaseline(report, baseline, options) {
    const comparison = compareWithBaseline(report, baseline, options.thresholds);
    const processed = options.postprocess?.(comparison.findings) ?? { findings: comparison.findings };
    const findings = [
        ...markNewFindings(report.findings, comparison.introduced, baseline.label),
        ...processed.findings
    ];
    const suppressed = [...(report.suppressed ?? []), ...(processed.suppressed ?? [])];
    return {
        ...withFindings(report, findings, options.failOn, suppressed),
        baseline: comparison.section
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/baseline/npm-fetch.ts




const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Upper bound on one `npm pack` of a baseline, registry waits included. */
const NPM_FETCH_TIMEOUT_MS = 90_000;
// One retry with short backoff and a per-request timeout: a dead registry must not stall a release job.
const NPM_NETWORK_FLAGS = [
    '--fetch-retries=1',
    '--fetch-retry-mintimeout=1000',
    '--fetch-retry-maxtimeout=3000',
    '--fetch-timeout=30000'
];
/** `npm pack` of a published version failed; `code` is npm's (E404, ETARGET, ECONNREFUSED, …). */
class NpmFetchError extends Error {
    code;
    name = 'NpmFetchError';
    constructor(message, code) {
        super(message);
        this.code = code;
    }
}
/**
 * Downloads `<name>@<version>` with the npm CLI into a temp dir of our own. npm honours the
 * `.npmrc` of `cwd` and the user (registry, scoped registries, auth) and, with
 * `--ignore-scripts`, runs nothing from the package.
 */
async function fetchNpmTarball(name, version, options) {
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'release-audit-baseline-'));
    const cleanup = () => (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    const args = [
        'pack',
        `${name}@${version}`,
        '--json',
        '--pack-destination',
        dir,
        '--ignore-scripts'
    ];
    try {
        const stdout = await runNpm([...args, '--prefer-online', ...NPM_NETWORK_FLAGS], options);
        const packed = parsePackJson(stdout);
        return { file: external_node_path_default().join(dir, external_node_path_default().basename(packed.filename)), ...packed, cleanup };
    }
    catch (error) {
        await cleanup();
        throw error;
    }
}
function runNpm(args, options) {
    const timeout = options.timeoutMs ?? NPM_FETCH_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)(NPM, args, { cwd: options.cwd, env: options.env ?? process.env, timeout, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (!error)
                return resolve(stdout);
            reject(describeNpmFailure(error, stdout, stderr, timeout));
        });
    });
}
function describeNpmFailure(error, stdout, stderr, timeout) {
    if (error.code === 'ENOENT')
        return new NpmFetchError('the npm CLI was not found on PATH', 'ENOENT');
    if (error.killed)
        return new NpmFetchError(`npm did not finish within ${timeout / 1000} s`, 'ETIMEDOUT');
    const reported = readNpmError(stdout);
    if (reported)
        return new NpmFetchError(reported.summary, reported.code);
    const lines = stderr
        .split('\n')
        .filter((line) => line.startsWith('npm error') && !line.includes('complete log'))
        .slice(0, 4);
    return new NpmFetchError(lines.join('; ') || `npm pack exited with ${String(error.code)}`);
}
/** npm --json reports failures as `{"error": {"code", "summary", "detail"}}` on stdout. */
function readNpmError(stdout) {
    try {
        const parsed = JSON.parse(stdout.slice(stdout.indexOf('{')));
        const summary = parsed.error?.summary?.trim();
        if (!summary)
            return undefined;
        return { summary, ...(parsed.error?.code ? { code: parsed.error.code } : {}) };
    }
    catch {
        return undefined;
    }
}
function parsePackJson(stdout) {
    let parsed;
    try {
        parsed = JSON.parse(stdout.slice(stdout.indexOf('[')));
    }
    catch {
        throw new NpmFetchError('npm pack did not print the JSON it was asked for');
    }
    const first = (Array.isArray(parsed) ? parsed[0] : undefined);
    if (!first || typeof first.filename !== 'string' || typeof first.version !== 'string') {
        throw new NpmFetchError('npm pack did not report a tarball name and version');
    }
    return {
        // npm ≥ 9 reports scoped tarballs as `scope-name-1.0.0.tgz`; older ones as `@scope/name-…`.
        filename: first.filename.replace(/^@/, '').replace(/\//g, '-'),
        name: typeof first.name === 'string' ? first.name : '',
        version: first.version
    };
}

;// CONCATENATED MODULE: ./src/engine/parse-report.ts


/** A file that should be a release-audit JSON report and is not; the message says where and why. */
class ReportFormatError extends Error {
    name = 'ReportFormatError';
}
/**
 * Checks that `text` is a version-1 release-audit report and returns it typed. Every problem
 * names the file and the field, e.g. `shard-2.json: findings[3].severity must be one of …`.
 */
function parseReport(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new ReportFormatError(`${file}: not JSON (${error.message})`);
    }
    const fail = (field, what) => {
        throw new ReportFormatError(`${file}: ${field} ${what}`);
    };
    if (!isObject(data))
        return fail('the document', 'must be a JSON object');
    const tool = data.tool;
    if (!isObject(tool) || tool.name !== 'release-audit') {
        fail('tool.name', "must be 'release-audit': this is not a release-audit report");
    }
    if (data.version !== report/* REPORT_VERSION */.A)
        fail('version', `must be ${report/* REPORT_VERSION */.A}; got ${JSON.stringify(data.version)}`);
    if (!['failure', 'success', 'neutral'].includes(data.conclusion)) {
        fail('conclusion', 'must be failure, success or neutral');
    }
    const summary = data.summary;
    if (!isObject(summary))
        return fail('summary', 'must be an object');
    for (const key of ['error', 'warning', 'notice', 'artifacts', 'files', 'bytes']) {
        if (!isCount(summary[key]))
            fail(`summary.${key}`, 'must be a non-negative integer');
    }
    if (!Array.isArray(data.artifacts))
        return fail('artifacts', 'must be an array');
    data.artifacts.forEach((a, i) => checkArtifact(a, `artifacts[${i}]`, fail));
    if (!Array.isArray(data.findings))
        return fail('findings', 'must be an array');
    data.findings.forEach((f, i) => checkFinding(f, `findings[${i}]`, fail));
    if (data.suppressed !== undefined && !Array.isArray(data.suppressed))
        fail('suppressed', 'must be an array');
    return data;
}
function checkArtifact(value, at, fail) {
    if (!isObject(value))
        fail(at, 'must be an object');
    const a = value;
    if (typeof a.name !== 'string')
        fail(`${at}.name`, 'must be a string');
    if (typeof a.source !== 'string')
        fail(`${at}.source`, 'must be a string');
    if (!isCount(a.files))
        fail(`${at}.files`, 'must be a non-negative integer');
    if (!isCount(a.bytes))
        fail(`${at}.bytes`, 'must be a non-negative integer');
    if (a.entries !== undefined) {
        if (!Array.isArray(a.entries))
            fail(`${at}.entries`, 'must be an array');
        a.entries.forEach((e, i) => {
            if (!isObject(e) || typeof e.path !== 'string' || !isCount(e.size)) {
                fail(`${at}.entries[${i}]`, 'must be {path: string, size: integer}');
            }
        });
    }
}
function checkFinding(value, at, fail) {
    if (!isObject(value))
        fail(at, 'must be an object');
    const f = value;
    if (typeof f.rule !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(f.rule)) {
        fail(`${at}.rule`, 'must be a rule id like family/name');
    }
    if (!finding/* SEVERITIES */.oC.includes(f.severity))
        fail(`${at}.severity`, `must be one of ${finding/* SEVERITIES */.oC.join(', ')}`);
    if (typeof f.artifact !== 'string')
        fail(`${at}.artifact`, 'must be a string');
    if (typeof f.path !== 'string')
        fail(`${at}.path`, 'must be a string');
    if (typeof f.message !== 'string')
        fail(`${at}.message`, 'must be a string');
    if (f.line !== undefined && !(isCount(f.line) && f.line >= 1))
        fail(`${at}.line`, 'must be a positive integer');
    if (f.details !== undefined && !isObject(f.details))
        fail(`${at}.details`, 'must be an object');
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isCount(value) {
    return Number.isSafeInteger(value) && value >= 0;
}

;// CONCATENATED MODULE: ./src/baseline/report-file.ts


const report_file_SNIFF_BYTES = 64;
/** Whether a file looks like JSON (first non-blank character `{` or `[`, after any BOM), not an archive. */
async function looksLikeJson(file) {
    const handle = await (0,promises_namespaceObject.open)(file, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(report_file_SNIFF_BYTES), 0, report_file_SNIFF_BYTES, 0);
        const head = buffer
            .subarray(0, bytesRead)
            .toString('utf8')
            .replace(/^\uFEFF/, '')
            .trimStart();
        return head.startsWith('{') || head.startsWith('[');
    }
    finally {
        await handle.close();
    }
}
/**
 * Reads an earlier release-audit JSON report. Throws ReportFormatError naming the file and the
 * field that is wrong (not JSON, not a release-audit report, unsupported version, bad shape).
 */
async function readReportFile(file, displayName) {
    const text = (await (0,promises_namespaceObject.readFile)(file, 'utf8')).replace(/^\uFEFF/, '');
    return parseReport(text, displayName);
}

;// CONCATENATED MODULE: ./src/baseline/spec.ts
// npm package names (legacy names may hold capitals); a scope is `@scope/`.
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i;
// A version, a dist-tag or a semver range; never an option (`-…`), a URL, a path or a git spec.
const VERSION_OR_TAG = /^[\w.~^<>=|*+ -]+$/;
/**
 * Reads a `baseline` input: `npm:<name>[@<version|dist-tag|range>]` (no version = `latest`),
 * `auto` (the `latest` release of the package in the working folder), or a path to an earlier
 * archive, folder or JSON report.
 */
function parseBaselineSpec(spec) {
    const text = spec.trim();
    if (text === '')
        return { kind: 'invalid', reason: 'the baseline spec is empty' };
    if (text === 'auto')
        return { kind: 'auto' };
    if (!text.startsWith('npm:'))
        return { kind: 'path', path: text };
    const body = text.slice('npm:'.length);
    const at = body.indexOf('@', 1);
    const name = at === -1 ? body : body.slice(0, at);
    const version = at === -1 ? 'latest' : body.slice(at + 1).trim();
    if (!PACKAGE_NAME.test(name) || name.length > 214) {
        return {
            kind: 'invalid',
            reason: `'${name}' is not an npm package name (expected npm:<name>@<version|tag>)`
        };
    }
    if (version === '' || version.startsWith('-') || !VERSION_OR_TAG.test(version)) {
        return {
            kind: 'invalid',
            reason: `'${version}' is not a version, range or dist-tag of ${name}`
        };
    }
    return { kind: 'npm', name, version };
}

;// CONCATENATED MODULE: ./src/baseline/load.ts





const UNREACHABLE_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT'
]);
/**
 * Loads the previous release named by `spec` (see parseBaselineSpec). Never throws: whatever
 * goes wrong (registry unreachable, unknown version, missing or malformed file) comes back as
 * a warning naming the spec and the reason, and the audit runs without a comparison.
 */
async function loadBaseline(spec, options) {
    const parsed = parseBaselineSpec(spec);
    const warn = (reason) => ({ warning: `baseline '${spec}' not used: ${reason}` });
    try {
        switch (parsed.kind) {
            case 'invalid':
                return warn(parsed.reason);
            case 'npm':
                return await loadFromNpm(parsed.name, parsed.version, options);
            case 'auto': {
                const name = options.packageName ?? (await readOwnPackageName(options.cwd));
                return await loadFromNpm(name, 'latest', options).catch((error) => {
                    if (error instanceof NpmFetchError && error.code === 'E404') {
                        throw new Error(`first release, nothing to compare (${name} is not on the registry)`);
                    }
                    throw error;
                });
            }
            case 'path':
                return await loadFromPath(parsed.path, options);
        }
    }
    catch (error) {
        return warn(describeFailure(error));
    }
}
async function loadFromNpm(name, version, options) {
    const tarball = await fetchNpmTarball(name, version, options);
    try {
        const label = `${tarball.name || name}@${tarball.version}`;
        const input = {
            name: external_node_path_default().basename(tarball.file),
            source: `npm ${label}`,
            input: { kind: 'file', path: tarball.file }
        };
        return { label, report: checkReadable(await options.auditArtifacts([input])) };
    }
    finally {
        await tarball.cleanup();
    }
}
async function loadFromPath(given, options) {
    const absolute = external_node_path_default().resolve(options.cwd, given);
    const info = await (0,promises_namespaceObject.stat)(absolute).catch((error) => {
        throw new Error(error.code === 'ENOENT' ? `${given}: no such file or folder` : `${given}: ${error.message}`);
    });
    if (info.isFile() && (await looksLikeJson(absolute))) {
        const report = await readReportFile(absolute, given);
        const only = report.artifacts.length === 1 ? report.artifacts[0] : undefined;
        return { label: only ? only.name : given, report };
    }
    const input = {
        name: external_node_path_default().basename(absolute),
        source: 'baseline',
        input: info.isDirectory() ? { kind: 'dir', path: absolute } : { kind: 'file', path: absolute }
    };
    return { label: given, report: checkReadable(await options.auditArtifacts([input])) };
}
/**
 * An earlier release whose archive could not be opened is no baseline: every file would look new.
 * (A partly readable one is kept; the comparison notes that it is incomplete.)
 */
function checkReadable(report) {
    const problem = report.findings.find((f) => f.rule.startsWith('archive/') && f.path === '');
    const nothingRead = report.summary.files === 0 || report.summary.bytes === 0;
    if (problem && nothingRead)
        throw new Error(`cannot read it: ${problem.message}`);
    return report;
}
async function readOwnPackageName(cwd) {
    const file = external_node_path_default().join(cwd, 'package.json');
    const text = await (0,promises_namespaceObject.readFile)(file, 'utf8').catch(() => {
        throw new Error(`'auto' needs a package name, and there is no package.json in ${cwd}`);
    });
    let manifest;
    try {
        manifest = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${file} is not valid JSON (${error.message})`, { cause: error });
    }
    if (typeof manifest.name !== 'string' || manifest.name === '') {
        throw new Error(`'auto' needs a package name, and ${file} has none`);
    }
    if (manifest.private === true) {
        throw new Error(`${manifest.name} is private in package.json, so it has no published release; ` +
            'pass an earlier archive or JSON report as baseline');
    }
    return manifest.name;
}
function describeFailure(error) {
    if (!(error instanceof Error))
        return String(error);
    if (error instanceof NpmFetchError && error.code) {
        if (UNREACHABLE_CODES.has(error.code))
            return `registry unreachable (${error.code}): ${error.message}`;
        if (error.code === 'E404')
            return `not found on the registry (E404): ${error.message}`;
        if (error.code === 'ETARGET')
            return `no such version (ETARGET): ${error.message}`;
        return `${error.message} (${error.code})`;
    }
    return error.message;
}

;// CONCATENATED MODULE: ./src/baseline/render-text.ts


/** Rows shown per list in the terminal; the JSON report keeps more. */
const MAX_TEXT_ROWS = 20;
/**
 * The "Changes since <label>" block of the CLI text output: totals, then added, removed and
 * grown files with human sizes, then newly introduced findings and notes. No trailing newline.
 */
function renderBaselineText(section, maxRows = MAX_TEXT_ROWS) {
    const lines = [`Changes since ${section.label}:`, `  ${renderTotals(section)}`];
    const showArtifact = new Set(section.artifacts.map((a) => a.current ?? a.baseline)).size > 1;
    const where = (item) => showArtifact ? `${item.artifact}: ${item.path}` : item.path;
    const list = (title, items, total, row) => {
        if (total === 0)
            return;
        lines.push(`  ${title} (${formatCount(total)}):`);
        for (const item of items.slice(0, maxRows))
            lines.push(`    ${row(item)}`);
        const hidden = total - Math.min(items.length, maxRows);
        if (hidden > 0)
            lines.push(`    … and ${formatCount(hidden)} more`);
    };
    list('added', section.added, section.counts.added, (f) => `+ ${where(f)}  ${formatBytes(f.bytes)}`);
    list('removed', section.removed, section.counts.removed, (f) => `- ${where(f)}  ${formatBytes(f.bytes)}`);
    list('grown', section.grown, section.counts.grown, (f) => `~ ${where(f)}  ${formatBytes(f.before)} → ${formatBytes(f.after)} ` +
        `(${formatPercent(f.before === 0 ? Infinity : ((f.after - f.before) / f.before) * 100)})`);
    list('new findings', section.introduced, section.counts.introduced, (f) => `! ${f.rule}  ${where(f)}`);
    const { added, removed, grown } = section.counts;
    if (added + removed + grown === 0)
        lines.push('  no file added, removed or grown past the limits');
    if (showArtifact) {
        for (const a of section.artifacts) {
            if (a.current && a.baseline && a.current !== a.baseline)
                lines.push(`  ${a.current} compared with ${a.baseline}`);
        }
    }
    for (const note of section.notes)
        lines.push(`  note: ${note}`);
    return lines.join('\n');
}
function renderTotals(section) {
    const { files, bytes } = section;
    const fileDelta = files.after - files.before;
    const byteDelta = bytes.after - bytes.before;
    const sign = (n) => (n > 0 ? '+' : n < 0 ? '−' : '±');
    const change = bytes.before > 0 ? Math.abs((byteDelta / bytes.before) * 100) : undefined;
    const percent = change === undefined
        ? ''
        : ` (${sign(byteDelta)}${change < 100 ? change.toFixed(1) : formatCount(Math.round(change))}%)`;
    return (`files ${formatCount(files.before)} → ${formatCount(files.after)} (${sign(fileDelta)}${formatCount(Math.abs(fileDelta))}), ` +
        `size ${formatBytes(bytes.before)} → ${formatBytes(bytes.after)}${percent}`);
}

;// CONCATENATED MODULE: ./src/baseline/index.ts
/** Release-over-release comparison: load the previous release, compare, render. */











;// CONCATENATED MODULE: ./src/report/location.ts
/** `path:line` as shown to people; the artifact itself when the finding has no entry path. */
function findingLocation(finding) {
    const path = finding.path || `(${finding.artifact})`;
    return finding.line !== undefined ? `${path}:${finding.line}` : path;
}

;// CONCATENATED MODULE: ./src/report/text.ts




/** Plain-text report for terminals and logs: grouped by artifact, then severity, then a verdict. */
function renderText(report, failOn) {
    const lines = [
        `release-audit ${report.tool.version}: ${plural(report.summary.artifacts, 'artifact')}, ` +
            `${plural(report.summary.files, 'file')}, ${formatBytes(report.summary.bytes)}`
    ];
    for (const artifact of report.artifacts) {
        const findings = report.findings.filter((f) => f.artifact === artifact.name);
        lines.push('', `${artifact.name} (${artifact.source}): ${plural(artifact.files, 'file')}, ${formatBytes(artifact.bytes)}`);
        if (findings.length === 0)
            lines.push('  no findings');
        for (const severity of finding/* SEVERITIES */.oC) {
            for (const finding of findings.filter((f) => f.severity === severity)) {
                lines.push(...renderFinding(finding, severity));
            }
        }
    }
    const known = new Set(report.artifacts.map((a) => a.name));
    const loose = report.findings.filter((f) => !known.has(f.artifact));
    if (loose.length > 0) {
        lines.push('', 'About the audit itself (policy file, inputs):');
        for (const finding of loose)
            lines.push(...renderFinding(finding, finding.severity));
    }
    if (report.suppressed?.length) {
        lines.push('', 'Suppressed by policy:');
        for (const s of report.suppressed) {
            const until = s.until ? ` until ${s.until}` : '';
            lines.push(`  ${s.rule} ${s.path}: ${plural(s.count, 'finding')} (${s.reason}${until})`);
        }
    }
    const baseline = readBaselineSection(report);
    if (baseline)
        lines.push('', renderBaselineText(baseline).trimEnd());
    lines.push('', renderVerdict(report, failOn));
    return lines.join('\n') + '\n';
}
function renderFinding(finding, severity) {
    return [
        `  ${severity.padEnd(7)} ${finding.rule}  ${findingLocation(finding)}`,
        `          ${finding.message}`
    ];
}
function renderVerdict(report, failOn) {
    const { error, warning, notice } = report.summary;
    const counts = `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}`;
    const mark = report.conclusion === 'failure' ? '✖ FAIL' : '✔ PASS';
    return `${mark}: ${counts} (fail-on: ${failOn})`;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/sources/npm-pack.ts





const run = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
const npm_pack_NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
class NpmPackError extends Error {
    name = 'NpmPackError';
}
/**
 * Runs `npm pack` in `cwd` into a temp dir of our own and returns the tarball as an artifact:
 * this audits exactly what `npm publish` would upload, lifecycle scripts and `files` included.
 * Call `cleanup` when the audit is done.
 */
async function packCurrentPackage(cwd) {
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'release-audit-pack-'));
    const cleanup = () => (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    try {
        const { stdout } = await run(npm_pack_NPM, ['pack', '--json', '--pack-destination', dir], {
            cwd,
            maxBuffer: 64 * 1024 * 1024
        });
        const filename = parsePackOutput(stdout);
        return {
            artifact: {
                name: filename,
                source: 'npm pack',
                input: { kind: 'file', path: external_node_path_default().join(dir, filename) }
            },
            cleanup
        };
    }
    catch (error) {
        await cleanup();
        if (error instanceof NpmPackError)
            throw error;
        const stderr = error.stderr?.trim();
        throw new NpmPackError(`npm pack failed in ${cwd}${stderr ? `: ${lastLines(stderr)}` : ''}`);
    }
}
function parsePackOutput(stdout) {
    // Lifecycle scripts may print before npm's JSON; the JSON array is the last thing written.
    const start = stdout.lastIndexOf('\n[');
    const json = stdout.slice(start === -1 ? stdout.indexOf('[') : start + 1);
    const parsed = JSON.parse(json);
    const filename = parsed[0]?.filename;
    if (!filename)
        throw new NpmPackError('npm pack did not report a tarball name');
    // npm ≥ 9 reports scoped names as `scope-name-1.0.0.tgz`; keep only the base name for safety.
    return external_node_path_default().basename(filename.replace(/^@/, '').replace(/\//g, '-'));
}
function lastLines(text) {
    return text.split('\n').slice(-5).join('\n');
}

// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
var external_fs_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_fs_, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function dist_report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_.readdirSync,
		realpath: opts.fs.realpath || external_fs_.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_.realpathSync,
		stat: opts.fs.stat || external_fs_.stat,
		statSync: opts.fs.statSync || external_fs_.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./src/sources/paths.ts



/** A path argument that names nothing; the CLI turns it into exit code 2, the action into a failure. */
class PathNotFoundError extends Error {
    name = 'PathNotFoundError';
}
/**
 * Turns files, folders and glob patterns (relative to `cwd`) into artifacts, one per file or
 * folder, named by their path relative to `cwd`. A pattern that matches nothing is an error:
 * auditing nothing must never look like a pass.
 */
async function resolvePaths(patterns, cwd) {
    const seen = new Set();
    const artifacts = [];
    for (const pattern of patterns) {
        const matches = isDynamicPattern(pattern)
            ? await glob(pattern, {
                cwd,
                absolute: true,
                onlyFiles: false,
                dot: true,
                expandDirectories: false
            })
            : [external_node_path_default().resolve(cwd, pattern)];
        if (matches.length === 0)
            throw new PathNotFoundError(`no file matches '${pattern}'`);
        for (const match of matches.sort()) {
            if (seen.has(match))
                continue;
            seen.add(match);
            artifacts.push(await toArtifact(match, cwd, pattern));
        }
    }
    return artifacts;
}
async function toArtifact(absolute, cwd, pattern) {
    const info = await (0,promises_namespaceObject.stat)(absolute).catch((error) => {
        const reason = error.code === 'ENOENT' ? 'no such file or directory' : error.message;
        throw new PathNotFoundError(`cannot read '${pattern}': ${reason}`);
    });
    const relative = external_node_path_default().relative(cwd, absolute).split((external_node_path_default()).sep).join('/');
    const name = relative === '' ? external_node_path_default().basename(absolute) : relative.startsWith('../') ? absolute : relative;
    return {
        name,
        source: 'path',
        input: info.isDirectory() ? { kind: 'dir', path: absolute } : { kind: 'file', path: absolute }
    };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/archive/byte-source.ts


/**
 * Sequential read size: large enough that per-chunk overhead vanishes, small enough that a chunk
 * is consumed before the next young collection (see collectGarbage): a 1 MiB chunk of gzip input
 * outlived two, was moved to the old generation and stayed resident until a full collection.
 */
const READ_CHUNK_BYTES = 256 * 1024;
function bufferSource(data) {
    return { kind: 'buffer', data, size: data.length };
}
/** Throws the I/O error (ENOENT, EISDIR…) of the input itself: that is a usage problem, not a finding. */
async function fileSource(path) {
    const info = await (0,promises_namespaceObject.stat)(path);
    if (!info.isFile())
        throw new Error(`${path} is not a regular file`);
    return { kind: 'file', path, size: info.size };
}
async function readHead(source, length) {
    if (source.kind === 'buffer')
        return source.data.subarray(0, length);
    const handle = await (0,promises_namespaceObject.open)(source.path, 'r');
    try {
        const head = Buffer.alloc(Math.min(length, source.size));
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return head.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
function readChunks(source) {
    if (source.kind === 'file')
        return (0,external_node_fs_namespaceObject.createReadStream)(source.path, { highWaterMark: READ_CHUNK_BYTES });
    return sliceBuffer(source.data);
}
// eslint-disable-next-line @typescript-eslint/require-await -- an async generator keeps one chunk type for both kinds
async function* sliceBuffer(data) {
    for (let offset = 0; offset < data.length; offset += READ_CHUNK_BYTES) {
        yield data.subarray(offset, offset + READ_CHUNK_BYTES);
    }
}
/** Reads a whole source into memory (callers bound `source.size` first). */
async function readWhole(source) {
    return source.kind === 'buffer' ? source.data : (0,promises_namespaceObject.readFile)(source.path);
}
/** A file read into shared memory, so a worker thread can read it too without a copy. */
async function readShared(path, size) {
    const data = Buffer.from(new SharedArrayBuffer(size));
    const handle = await (0,promises_namespaceObject.open)(path, 'r');
    try {
        let filled = 0;
        while (filled < size) {
            const { bytesRead } = await handle.read(data, filled, size - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        return data.subarray(0, filled);
    }
    finally {
        await handle.close();
    }
}
async function openRandomAccess(source, inMemoryMaxBytes) {
    if (source.kind === 'buffer' || source.size <= inMemoryMaxBytes) {
        const data = source.kind === 'buffer' ? source.data : await readShared(source.path, source.size);
        return {
            size: data.length,
            data,
            read: (offset, length) => Promise.resolve(data.subarray(offset, offset + length)),
            close: () => Promise.resolve()
        };
    }
    const handle = await (0,promises_namespaceObject.open)(source.path, 'r');
    return {
        size: source.size,
        async read(offset, length) {
            const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, source.size - offset)));
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
            return buffer.subarray(0, bytesRead);
        },
        close: () => handle.close()
    };
}
/**
 * For a zip read at offsets: reads at the members' local headers are kept, so the checks that
 * each need a member's header (its name, where its data starts, what follows it) read it once.
 */
function cacheHeaderReads(reader, headerOffsets, headerBytes) {
    const kept = new Map();
    return {
        size: reader.size,
        close: () => reader.close(),
        async read(offset, length) {
            if (!headerOffsets.has(offset))
                return reader.read(offset, length);
            const cached = kept.get(offset);
            if (cached && cached.length >= length)
                return cached.subarray(0, length);
            const bytes = await reader.read(offset, Math.max(length, headerBytes));
            kept.set(offset, bytes);
            return bytes.subarray(0, length);
        }
    };
}

;// CONCATENATED MODULE: ./src/archive/entry-paths.ts
const MAYBE_UNSAFE = /^[\\/]|^[a-zA-Z]:|\.\.|\0/;
/** Why an entry name is unsafe to extract, or undefined: absolute, drive or UNC paths, `..` segments, NUL bytes. */
function describeUnsafePath(name) {
    if (!MAYBE_UNSAFE.test(name))
        return undefined; // the common case, once per entry
    if (name.includes('\0'))
        return 'the path contains a NUL byte';
    if (/^[\\/]/.test(name))
        return 'the path is absolute';
    if (/^[a-zA-Z]:/.test(name))
        return 'the path starts with a drive letter';
    if (name.split(/[\\/]/).includes('..'))
        return "the path contains a '..' segment";
    return undefined;
}
/**
 * Why a link target escapes the archive root, or undefined. Symlink targets resolve from the link's
 * own folder; tar hard-link targets name another member, so they resolve from the root.
 */
function describeUnsafeLink(name, target, from) {
    if (target.includes('\0'))
        return 'the target contains a NUL byte';
    if (/^[\\/]/.test(target) || /^[a-zA-Z]:/.test(target))
        return 'the target is an absolute path';
    const folder = from === 'link' ? splitSegments(name).slice(0, -1) : [];
    let depth = 0;
    for (const segment of folder)
        depth = segment === '..' ? Math.max(0, depth - 1) : depth + 1;
    for (const segment of splitSegments(target)) {
        if (segment !== '..')
            depth++;
        else if (--depth < 0)
            return 'the target leaves the archive root';
    }
    return undefined;
}
function splitSegments(path) {
    return path.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
}
/** `a/b.tgz` → `b.tgz`, for either separator. */
function entry_paths_baseName(path) {
    const trimmed = path.replace(/[\\/]+$/, '');
    return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || trimmed;
}

;// CONCATENATED MODULE: ./src/archive/emit-member.ts




/** Most members have no problem: the list is made only for those that do. */
function addProblem(member, problem) {
    if (member.problems)
        member.problems.push(problem);
    else
        member.problems = [problem];
}
/**
 * Emits a member through `onEntry`, reports an unsafe name or link, then walks it as a nested
 * archive if its first bytes say it is one.
 */
async function emitMember(scope, member) {
    await startMember(scope, member);
}
/**
 * `emitMember` for hot loops: answers a promise only when there is something to wait for (a
 * nested archive), not one per entry.
 */
function startMember(scope, member) {
    const { ctx } = scope;
    const path = scope.prefix + member.name;
    if (!ctx.admitEntry(path))
        return undefined;
    ctx.emit(toEntry(ctx.artifact, path, scope.depth, member));
    for (const problem of member.problems ?? [])
        ctx.report(problem.rule, path, problem.message, problem.details);
    reportUnsafeName(scope, path, member);
    return member.kind === 'file' ? walkNested(scope, path, member) : undefined;
}
function toEntry(artifact, path, depth, member) {
    const { size, kind, content, linkTarget } = member;
    if (kind === 'file' && content)
        return { artifact, path, depth, size, kind, content };
    return linkTarget === undefined
        ? { artifact, path, depth, size, kind }
        : { artifact, path, depth, size, kind, linkTarget };
}
function reportUnsafeName(scope, path, member) {
    const pathReason = describeUnsafePath(member.name);
    if (pathReason) {
        scope.ctx.report('archive/unsafe-path', path, `entry '${member.name}' has an unsafe path: ${member.unsafeReason ?? pathReason}; extracting it could write outside the target folder`);
    }
    if (member.linkTarget === undefined || member.linkChecked)
        return;
    const linkReason = describeUnsafeLink(member.name, member.linkTarget, member.linkFrom ?? 'link');
    if (linkReason) {
        scope.ctx.report('archive/unsafe-link', path, `${member.kind === 'hardlink' ? 'hard link' : 'symlink'} '${member.name}' → '${member.linkTarget}': ${linkReason}; extracting it could expose or overwrite files outside the target folder`, { target: member.linkTarget });
    }
}
function walkNested(scope, path, member) {
    if (scope.ctx.stopped)
        return undefined;
    const { content, source } = member;
    if (content) {
        const format = detectFormat(content);
        return format ? openNested(scope, path, member, bufferSource(content), format) : undefined;
    }
    if (!source)
        return undefined;
    return readHead(source, detect_format_HEAD_BYTES).then((head) => {
        const format = detectFormat(head);
        return format ? openNested(scope, path, member, source, format) : undefined;
    });
}
async function openNested(scope, path, member, source, format) {
    const { ctx } = scope;
    if (scope.depth + 1 > ctx.limits.maxDepth) {
        ctx.report('archive/limit', path, `${format} archive nested more than ${ctx.limits.maxDepth} levels deep; its content was not audited`, { limit: 'maxDepth', max: ctx.limits.maxDepth });
        return;
    }
    await ctx.openArchive(source, format, {
        ctx,
        prefix: `${path}!/`,
        depth: scope.depth + 1,
        where: path,
        name: entry_paths_baseName(member.name)
    });
}
/**
 * A device file, FIFO or socket. No build output is one; extracting a device entry as root
 * creates the device node (raw access to a disk or to memory, at the archive's chosen path).
 */
function specialFileProblem(name, special, inFolder = false) {
    return {
        rule: 'archive/special-file',
        message: `entry '${name}' is a ${special}: ${inFolder ? 'it was not opened, and no release needs one' : `no release needs one${EXTRACTED[special]}`}`,
        details: { special }
    };
}
const EXTRACTED = {
    'character device': ', and extracting it as root creates the device node',
    'block device': ', and extracting it as root creates the device node',
    FIFO: ', and extracting it creates a named pipe that blocks whatever opens it',
    socket: ''
};
/** The per-entry limit, shared by every walker: the entry is listed, its content is not read. */
function tooLargeProblem(scope, name, size) {
    const max = scope.ctx.limits.maxEntryBytes;
    return {
        rule: 'archive/limit',
        message: `entry '${name}' is ${formatBytes(size)}, over the per-entry limit of ${formatBytes(max)}; its content was not inspected`,
        details: { limit: 'maxEntryBytes', size, max }
    };
}

;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/archive/backlog.ts
/*
 * Flow control between a worker thread that sends data and the main thread that reads it: a
 * shared counter of the KiB sent and not yet read. The worker pauses once the counter passes its
 * maximum, until the reader is down to the resume mark; the reader wakes it only when a release
 * crosses that mark (each wake-up costs the main thread about a millisecond).
 */
/**
 * Sends `message` counting `kib` on the backlog, then waits while the backlog is over `max`,
 * until it is down to `resume`. Runs inside workers built from its source text: it must stay
 * self-contained.
 */
function sendWithin(port, backlog, max, resume, message, transfer, kib) {
    Atomics.add(backlog, 0, kib);
    port.postMessage(message, transfer);
    if (Atomics.load(backlog, 0) <= max)
        return;
    for (let now = Atomics.load(backlog, 0); now > resume; now = Atomics.load(backlog, 0)) {
        Atomics.wait(backlog, 0, now, 100);
    }
}
/** Takes `kib` read by the main thread off the backlog, waking the worker if that lets it go on. */
function releaseBacklog(backlog, kib, resume) {
    const before = Atomics.sub(backlog, 0, kib);
    if (before > resume && before - kib <= resume)
        Atomics.notify(backlog, 0);
}

;// CONCATENATED MODULE: ./src/archive/gunzip-worker.ts



/** Output chunk size, as the streaming decompressor's (see OUTPUT_CHUNK_BYTES in decompress.ts). */
const gunzip_worker_CHUNK_BYTES = 256 * 1024;
/** The worker reads the compressed file in pieces of this size. */
const READ_BYTES = 256 * 1024;
/**
 * The worker pauses when this many KiB of its output sit unread on the main thread, until they
 * are down to RESUME_AHEAD_KIB: enough to cover the main thread's pauses, little next to the
 * large entries the walk holds.
 */
const MAX_AHEAD_KIB = 2 * 1024;
const RESUME_AHEAD_KIB = MAX_AHEAD_KIB / 2;
/** The worker stopped after its output had begun: the rest of the stream cannot be read. */
class InflateStopped extends Error {
}
/**
 * Gunzips a file, or bytes in shared memory, on a worker thread. The streaming decompressor runs zlib on the thread pool but
 * needs the main thread for every output chunk: while that thread works on an entry, inflating
 * stops. Here the worker reads and inflates on its own, MAX_AHEAD_KIB ahead of the reader, and
 * the chunks it fills are transferred, not copied. It answers what the streaming decompressor
 * would: the same engine (Node's own synchronous calls), members read on, trailing zero padding
 * ignored, a stream cut short or corrupt ends with the error zlib gives (thrown with its `code`),
 * after every byte inflated before it (the streaming one drops the chunk it was filling). When the
 * worker cannot start or cannot inflate in its runtime, `fallback` does the work instead; the
 * worker is stopped when the chunks are closed.
 */
function gunzipInWorker(input, fallback, source = WORKER_SOURCE) {
    const ahead = new Int32Array(new SharedArrayBuffer(4));
    const queue = [];
    let wake;
    const receive = (message) => {
        queue.push(message);
        wake?.();
    };
    // opened here, so it is closed here even when the worker is stopped mid-way
    const fd = 'path' in input ? (0,external_node_fs_namespaceObject.openSync)(input.path, 'r') : undefined;
    const data = 'data' in input ? input.data : undefined;
    let worker;
    try {
        worker = new external_node_worker_threads_namespaceObject.Worker(source, {
            eval: true,
            workerData: {
                fd,
                // the bytes where they lie (shared memory), or a copy where they are not
                shared: data && { buffer: data.buffer, offset: data.byteOffset, length: data.length },
                ahead: ahead.buffer,
                chunkBytes: gunzip_worker_CHUNK_BYTES,
                readBytes: READ_BYTES,
                maxAhead: MAX_AHEAD_KIB,
                resumeAhead: RESUME_AHEAD_KIB
            }
        });
        worker.on('message', receive);
        worker.on('error', (error) => receive({ unsupported: true, stopped: error.message }));
        // after its last message: an exit before `done` is a stop, never a short read that passes
        worker.on('exit', () => receive({ unsupported: true, stopped: 'it exited early' }));
    }
    catch {
        receive({ unsupported: true });
    }
    let bytesIn = 0;
    let instead;
    async function* chunks() {
        let started = false;
        try {
            for (;;) {
                while (queue.length === 0)
                    await new Promise((resolve) => (wake = resolve));
                wake = undefined;
                const message = queue.shift();
                if (message.failure)
                    throw failureError(message.failure);
                if (message.unsupported) {
                    if (started)
                        throw new InflateStopped(`the worker inflating it stopped: ${message.stopped}`);
                    await stop();
                    instead = fallback();
                    yield* instead.chunks;
                    return;
                }
                if (message.done)
                    return;
                started = true;
                const chunk = Buffer.from(message.chunk, 0, message.length);
                bytesIn = message.bytesIn ?? bytesIn;
                releaseBacklog(ahead, Math.ceil(chunk.length / 1024), RESUME_AHEAD_KIB);
                yield chunk;
            }
        }
        finally {
            await stop();
        }
    }
    let stopped = false;
    async function stop() {
        if (stopped)
            return;
        stopped = true;
        await worker?.terminate();
        if (fd !== undefined)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    return { chunks: chunks(), bytesIn: () => (instead ? instead.bytesIn() : bytesIn) };
}
function failureError(failure) {
    return Object.assign(new Error(failure.message), { code: failure.code });
}
// Plain JS run with `eval: true`, so it needs no file of its own in the bundle. The loop is Node's
// own synchronous one (zlib.js processChunkSync) on a Gunzip engine, fed from the file piece by
// piece: a write that leaves input unread with output room to spare means the stream has ended
// (the streaming decompressor then ends too); the end of the file is a Z_FINISH write, which fails
// with "unexpected end of file" when the stream is incomplete. Flow control is sendWithin's, by its
// source text.
const WORKER_SOURCE = `'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const zlib = require('node:zlib')
const { fd, shared, chunkBytes, readBytes, maxAhead, resumeAhead } = workerData
const ahead = new Int32Array(workerData.ahead)
const engine = zlib.createGunzip()
engine.on('error', () => undefined) // read from errored below; the event would be uncaught
const handle = engine._handle
const state = engine._writeState
if (!handle || typeof handle.writeSync !== 'function' || !ArrayBuffer.isView(state)) {
  parentPort.postMessage({ unsupported: true })
  process.exit(0)
}
let out = Buffer.allocUnsafeSlow(chunkBytes)
let used = 0
let bytesIn = 0
const sendWithin = ${sendWithin.toString()}
function emit() {
  if (used === 0) return
  const message = { chunk: out.buffer, length: used, bytesIn }
  const kib = Math.ceil(used / 1024)
  out = Buffer.allocUnsafeSlow(chunkBytes)
  used = 0
  sendWithin(parentPort, ahead, maxAhead, resumeAhead, message, [message.chunk], kib)
}
let failed = false
/** Inflates one piece of input; false once the stream has ended or failed. */
function write(flush, input, length) {
  let offset = 0
  let avail = length
  for (;;) {
    handle.writeSync(flush, input, offset, avail, out, used, chunkBytes - used)
    if (engine.destroyed) {
      emit()
      const error = engine.errored
      parentPort.postMessage({ failure: { code: String(error && error.code), message: String(error && error.message) } })
      failed = true
      return false
    }
    const availOut = state[0]
    const availIn = state[1]
    bytesIn += avail - availIn
    offset += avail - availIn
    avail = availIn
    used = chunkBytes - availOut
    if (availOut === 0) {
      emit()
      continue
    }
    return availIn === 0
  }
}
const bytes = shared && Buffer.from(shared.buffer, shared.offset, shared.length)
const piece = bytes ? undefined : Buffer.allocUnsafe(readBytes)
/** The next piece of compressed input at \`position\` (empty at the end). */
function readAt(position) {
  if (bytes) return bytes.subarray(position, position + readBytes)
  return piece.subarray(0, fs.readSync(fd, piece, 0, readBytes, position))
}
try {
  for (let position = 0, going = true; going; ) {
    const input = readAt(position)
    const read = input.length
    position += read
    going = write(read === 0 ? zlib.constants.Z_FINISH : zlib.constants.Z_NO_FLUSH, input, read) && read > 0
  }
  if (!failed) {
    emit()
    parentPort.postMessage({ done: true })
  }
} catch (error) {
  // the file itself failed (unreadable): as the streaming reader would say it
  parentPort.postMessage({ failure: { code: String(error.code), message: String(error.message) } })
}
`;

;// CONCATENATED MODULE: ./src/archive/walk-context.ts

/** A read that could not finish: the walker reports it and keeps what it already had. */
class ArchiveReadError extends Error {
    rule;
    details;
    constructor(rule, message, details) {
        super(message);
        this.rule = rule;
        this.details = details;
        this.name = 'ArchiveReadError';
    }
}
/** An exception thrown by the caller's own callback: passed through, never taken for bad content. */
class CallbackError extends Error {
    original;
    constructor(original) {
        super('onEntry/onProblem callback failed');
        this.original = original;
        this.name = 'CallbackError';
    }
}
/** Limits, counters and the two callbacks shared by every container of one artifact. */
class WalkContext {
    artifact;
    limits;
    openArchive;
    onEntry;
    onProblem;
    stats = { files: 0, bytes: 0, entries: 0 };
    stopped = false;
    bytesRead = 0;
    constructor(
    /** Name of the top-level artifact, stamped on every entry. */
    artifact, limits, openArchive, onEntry, onProblem) {
        this.artifact = artifact;
        this.limits = limits;
        this.openArchive = openArchive;
        this.onEntry = onEntry;
        this.onProblem = onProblem;
    }
    report(rule, path, message, details) {
        this.onProblem({ rule, path, message, ...(details ? { details } : {}) });
    }
    problem(problem) {
        this.onProblem(problem);
    }
    /** Counts one more entry; past `maxEntries` the whole walk stops with one problem. */
    admitEntry(path) {
        if (this.stopped)
            return false;
        if (this.stats.entries < this.limits.maxEntries)
            return true;
        this.stop(path, `more than ${formatCount(this.limits.maxEntries)} entries; the walk stopped here and the rest was not audited`, { limit: 'maxEntries', max: this.limits.maxEntries });
        return false;
    }
    /** Counts bytes about to be read; past `maxTotalBytes` the whole walk stops with one problem. */
    admitBytes(path, bytes) {
        if (this.stopped)
            return false;
        if (this.bytesRead + bytes <= this.limits.maxTotalBytes) {
            this.bytesRead += bytes;
            return true;
        }
        this.stop(path, `reading ${formatBytes(bytes)} more would pass the limit of ${formatBytes(this.limits.maxTotalBytes)} uncompressed in total; the walk stopped here and the rest was not audited`, { limit: 'maxTotalBytes', max: this.limits.maxTotalBytes, read: this.bytesRead });
        return false;
    }
    emit(entry) {
        this.stats.entries++;
        if (entry.kind === 'file') {
            this.stats.files++;
            this.stats.bytes += 'content' in entry ? entry.content.length : entry.size;
        }
        try {
            this.onEntry(entry);
        }
        catch (error) {
            throw new CallbackError(error);
        }
    }
    stop(path, message, details) {
        this.stopped = true;
        this.report('archive/limit', path, message, details);
    }
}

;// CONCATENATED MODULE: ./src/archive/decompress.ts






/** Output chunk size: fewer, larger chunks make the tar parser and the copy loop cheaper. */
const OUTPUT_CHUNK_BYTES = 256 * 1024;
/**
 * The ratio limit applies only past this many output bytes: a small file of repeated bytes compresses
 * far beyond any sane ratio and is no threat.
 */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/** `zlib.createZstdDecompress` exists from Node 22.15 / 23.8; older runtimes cannot read zstd. */
function zstdFactory() {
    const factory = (external_node_zlib_default()).createZstdDecompress;
    return typeof factory === 'function' ? factory : undefined;
}
/**
 * Gunzipping moves to a worker thread for files at least this large: a worker takes ~40 ms to
 * start, which a small file's whole inflating does not outweigh.
 */
const GUNZIP_WORKER_MIN_BYTES = 4 * 1024 * 1024;
/**
 * Room for `bytes` of an archive member: in shared memory when that large, so that if the member
 * is a gzip stream the gunzip worker reads it where it lies (a copy would cost its size again).
 */
function allocateShareable(bytes) {
    return bytes >= GUNZIP_WORKER_MIN_BYTES
        ? Buffer.from(new SharedArrayBuffer(bytes))
        : Buffer.allocUnsafe(bytes);
}
/**
 * Decompresses a gzip or zstd source chunk by chunk, counting real bytes in and out. A stream that
 * expands past `maxRatio` (once over RATIO_CHECK_MIN_BYTES) or breaks ends the iteration with an
 * ArchiveReadError whose message says how far it got. A large gzip file, or large gzip bytes in
 * shared memory, is inflated on a worker thread (gunzipInWorker), anything else through Node's
 * streaming decompressor.
 */
async function* decompressChunks(source, format, maxRatio, workerMinBytes = GUNZIP_WORKER_MIN_BYTES) {
    const streaming = () => streamInflow(readChunks(source), format);
    const onWorker = format === 'gzip' &&
        source.size >= workerMinBytes &&
        (source.kind === 'file' || source.data.buffer instanceof SharedArrayBuffer);
    const inflow = onWorker
        ? gunzipInWorker(source.kind === 'file' ? { path: source.path } : { data: source.data }, streaming)
        : streaming();
    let bytesOut = 0;
    try {
        for await (const chunk of inflow.chunks) {
            bytesOut += chunk.length;
            const bytesIn = Math.max(1, inflow.bytesIn());
            if (bytesOut > RATIO_CHECK_MIN_BYTES && bytesOut / bytesIn > maxRatio) {
                throw new ArchiveReadError('archive/limit', `${format} stream expands more than ${maxRatio}× (${formatBytes(bytesIn)} became ${formatBytes(bytesOut)}), over the compression-ratio limit; the rest was not inspected`, { limit: 'maxRatio', max: maxRatio, bytesIn, bytesOut });
            }
            yield chunk;
        }
    }
    catch (error) {
        if (isZlibError(error)) {
            throw new ArchiveReadError('archive/unreadable', decompress_describeFailure(format, error, bytesOut));
        }
        if (error instanceof InflateStopped) {
            throw new ArchiveReadError('archive/unreadable', `${format} stream not read to its end (${error.message}); only the first ${formatBytes(bytesOut)} of its content could be inspected`);
        }
        throw error;
    }
    finally {
        await inflow.chunks.return(undefined);
    }
}
/** Node's streaming decompressor over `input`. */
function streamInflow(input, format) {
    const stream = createDecompressor(format);
    const pumping = (0,external_node_stream_promises_namespaceObject.pipeline)(input, stream).catch(() => undefined); // failures surface through the reads
    async function* chunks() {
        try {
            yield* stream;
        }
        finally {
            stream.destroy();
            await pumping;
        }
    }
    return {
        chunks: chunks(),
        bytesIn: () => stream.bytesWritten
    };
}
function createDecompressor(format) {
    if (format === 'gzip')
        return external_node_zlib_default().createGunzip({ chunkSize: OUTPUT_CHUNK_BYTES });
    const factory = zstdFactory();
    if (!factory)
        throw new ArchiveReadError('archive/unsupported', 'zstd is not available in this Node.js');
    return factory({ chunkSize: OUTPUT_CHUNK_BYTES });
}
// duck-typed: errors made by Node's zlib may come from another realm (jest's vm), failing instanceof
function isZlibError(error) {
    const code = error?.code;
    return typeof code === 'string' && /^(Z_|ZSTD_)/.test(code);
}
/**
 * Node's streaming zlib drops the output chunk it was filling when it fails (the gunzip worker
 * does not), so the bytes counted here are the ones that really reached the walker.
 */
function decompress_describeFailure(format, error, bytesOut) {
    const inspected = `only the first ${formatBytes(bytesOut)} of its content could be inspected`;
    if (/unexpected end of file/i.test(error.message)) {
        return `truncated ${format} stream after ${formatBytes(bytesOut)}; ${inspected}`;
    }
    if (bytesOut > 0 && /incorrect header check/i.test(error.message)) {
        return `unexpected bytes after the end of the ${format} stream; they were not inspected, and ${inspected}`;
    }
    return `corrupt ${format} stream (${error.message}); ${inspected}`;
}

// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
// EXTERNAL MODULE: external "buffer"
var external_buffer_ = __nccwpck_require__(181);
;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./node_modules/minipass/dist/esm/index.js
const proc = typeof process === 'object' && process
    ? process
    : {
        stdout: null,
        stderr: null,
    };



/**
 * Return true if the argument is a Minipass stream, Node stream, or something
 * else that Minipass can interact with.
 */
const isStream = (s) => !!s &&
    typeof s === 'object' &&
    (s instanceof Minipass ||
        s instanceof external_node_stream_namespaceObject ||
        isReadable(s) ||
        isWritable(s));
/**
 * Return true if the argument is a valid {@link Minipass.Readable}
 */
const isReadable = (s) => !!s &&
    typeof s === 'object' &&
    s instanceof external_node_events_namespaceObject.EventEmitter &&
    typeof s.pipe === 'function' &&
    // node core Writable streams have a pipe() method, but it throws
    s.pipe !== external_node_stream_namespaceObject.Writable.prototype.pipe;
/**
 * Return true if the argument is a valid {@link Minipass.Writable}
 */
const isWritable = (s) => !!s &&
    typeof s === 'object' &&
    s instanceof external_node_events_namespaceObject.EventEmitter &&
    typeof s.write === 'function' &&
    typeof s.end === 'function';
const EOF = Symbol('EOF');
const MAYBE_EMIT_END = Symbol('maybeEmitEnd');
const EMITTED_END = Symbol('emittedEnd');
const EMITTING_END = Symbol('emittingEnd');
const EMITTED_ERROR = Symbol('emittedError');
const CLOSED = Symbol('closed');
const READ = Symbol('read');
const FLUSH = Symbol('flush');
const FLUSHCHUNK = Symbol('flushChunk');
const ENCODING = Symbol('encoding');
const DECODER = Symbol('decoder');
const FLOWING = Symbol('flowing');
const PAUSED = Symbol('paused');
const RESUME = Symbol('resume');
const BUFFER = Symbol('buffer');
const PIPES = Symbol('pipes');
const BUFFERLENGTH = Symbol('bufferLength');
const BUFFERPUSH = Symbol('bufferPush');
const BUFFERSHIFT = Symbol('bufferShift');
const OBJECTMODE = Symbol('objectMode');
// internal event when stream is destroyed
const DESTROYED = Symbol('destroyed');
// internal event when stream has an error
const ERROR = Symbol('error');
const EMITDATA = Symbol('emitData');
const EMITEND = Symbol('emitEnd');
const EMITEND2 = Symbol('emitEnd2');
const ASYNC = Symbol('async');
const ABORT = Symbol('abort');
const ABORTED = Symbol('aborted');
const SIGNAL = Symbol('signal');
const DATALISTENERS = Symbol('dataListeners');
const DISCARDED = Symbol('discarded');
const defer = (fn) => Promise.resolve().then(fn);
const nodefer = (fn) => fn();
const isEndish = (ev) => ev === 'end' || ev === 'finish' || ev === 'prefinish';
const isArrayBufferLike = (b) => b instanceof ArrayBuffer ||
    (!!b &&
        typeof b === 'object' &&
        b.constructor &&
        b.constructor.name === 'ArrayBuffer' &&
        b.byteLength >= 0);
const isArrayBufferView = (b) => !Buffer.isBuffer(b) && ArrayBuffer.isView(b);
/**
 * Internal class representing a pipe to a destination stream.
 *
 * @internal
 */
class Pipe {
    src;
    dest;
    opts;
    ondrain;
    constructor(src, dest, opts) {
        this.src = src;
        this.dest = dest;
        this.opts = opts;
        this.ondrain = () => src[RESUME]();
        this.dest.on('drain', this.ondrain);
    }
    unpipe() {
        this.dest.removeListener('drain', this.ondrain);
    }
    // only here for the prototype
    /* c8 ignore start */
    proxyErrors(_er) { }
    /* c8 ignore stop */
    end() {
        this.unpipe();
        if (this.opts.end)
            this.dest.end();
    }
}
/**
 * Internal class representing a pipe to a destination stream where
 * errors are proxied.
 *
 * @internal
 */
class PipeProxyErrors extends Pipe {
    unpipe() {
        this.src.removeListener('error', this.proxyErrors);
        super.unpipe();
    }
    constructor(src, dest, opts) {
        super(src, dest, opts);
        this.proxyErrors = (er) => this.dest.emit('error', er);
        src.on('error', this.proxyErrors);
    }
}
const isObjectModeOptions = (o) => !!o.objectMode;
const isEncodingOptions = (o) => !o.objectMode && !!o.encoding && o.encoding !== 'buffer';
/**
 * Main export, the Minipass class
 *
 * `RType` is the type of data emitted, defaults to Buffer
 *
 * `WType` is the type of data to be written, if RType is buffer or string,
 * then any {@link Minipass.ContiguousData} is allowed.
 *
 * `Events` is the set of event handler signatures that this object
 * will emit, see {@link Minipass.Events}
 */
class Minipass extends external_node_events_namespaceObject.EventEmitter {
    [FLOWING] = false;
    [PAUSED] = false;
    [PIPES] = [];
    [BUFFER] = [];
    [OBJECTMODE];
    [ENCODING];
    [ASYNC];
    [DECODER];
    [EOF] = false;
    [EMITTED_END] = false;
    [EMITTING_END] = false;
    [CLOSED] = false;
    [EMITTED_ERROR] = null;
    [BUFFERLENGTH] = 0;
    [DESTROYED] = false;
    [SIGNAL];
    [ABORTED] = false;
    [DATALISTENERS] = 0;
    [DISCARDED] = false;
    /**
     * true if the stream can be written
     */
    writable = true;
    /**
     * true if the stream can be read
     */
    readable = true;
    /**
     * If `RType` is Buffer, then options do not need to be provided.
     * Otherwise, an options object must be provided to specify either
     * {@link Minipass.SharedOptions.objectMode} or
     * {@link Minipass.SharedOptions.encoding}, as appropriate.
     */
    constructor(...args) {
        const options = (args[0] ||
            {});
        super();
        if (options.objectMode && typeof options.encoding === 'string') {
            throw new TypeError('Encoding and objectMode may not be used together');
        }
        if (isObjectModeOptions(options)) {
            this[OBJECTMODE] = true;
            this[ENCODING] = null;
        }
        else if (isEncodingOptions(options)) {
            this[ENCODING] = options.encoding;
            this[OBJECTMODE] = false;
        }
        else {
            this[OBJECTMODE] = false;
            this[ENCODING] = null;
        }
        this[ASYNC] = !!options.async;
        this[DECODER] = this[ENCODING]
            ? new external_node_string_decoder_namespaceObject.StringDecoder(this[ENCODING])
            : null;
        //@ts-ignore - private option for debugging and testing
        if (options && options.debugExposeBuffer === true) {
            Object.defineProperty(this, 'buffer', { get: () => this[BUFFER] });
        }
        //@ts-ignore - private option for debugging and testing
        if (options && options.debugExposePipes === true) {
            Object.defineProperty(this, 'pipes', { get: () => this[PIPES] });
        }
        const { signal } = options;
        if (signal) {
            this[SIGNAL] = signal;
            if (signal.aborted) {
                this[ABORT]();
            }
            else {
                signal.addEventListener('abort', () => this[ABORT]());
            }
        }
    }
    /**
     * The amount of data stored in the buffer waiting to be read.
     *
     * For Buffer strings, this will be the total byte length.
     * For string encoding streams, this will be the string character length,
     * according to JavaScript's `string.length` logic.
     * For objectMode streams, this is a count of the items waiting to be
     * emitted.
     */
    get bufferLength() {
        return this[BUFFERLENGTH];
    }
    /**
     * The `BufferEncoding` currently in use, or `null`
     */
    get encoding() {
        return this[ENCODING];
    }
    /**
     * @deprecated - This is a read only property
     */
    set encoding(_enc) {
        throw new Error('Encoding must be set at instantiation time');
    }
    /**
     * @deprecated - Encoding may only be set at instantiation time
     */
    setEncoding(_enc) {
        throw new Error('Encoding must be set at instantiation time');
    }
    /**
     * True if this is an objectMode stream
     */
    get objectMode() {
        return this[OBJECTMODE];
    }
    /**
     * @deprecated - This is a read-only property
     */
    set objectMode(_om) {
        throw new Error('objectMode must be set at instantiation time');
    }
    /**
     * true if this is an async stream
     */
    get ['async']() {
        return this[ASYNC];
    }
    /**
     * Set to true to make this stream async.
     *
     * Once set, it cannot be unset, as this would potentially cause incorrect
     * behavior.  Ie, a sync stream can be made async, but an async stream
     * cannot be safely made sync.
     */
    set ['async'](a) {
        this[ASYNC] = this[ASYNC] || !!a;
    }
    // drop everything and get out of the flow completely
    [ABORT]() {
        this[ABORTED] = true;
        this.emit('abort', this[SIGNAL]?.reason);
        this.destroy(this[SIGNAL]?.reason);
    }
    /**
     * True if the stream has been aborted.
     */
    get aborted() {
        return this[ABORTED];
    }
    /**
     * No-op setter. Stream aborted status is set via the AbortSignal provided
     * in the constructor options.
     */
    set aborted(_) { }
    write(chunk, encoding, cb) {
        if (this[ABORTED])
            return false;
        if (this[EOF])
            throw new Error('write after end');
        if (this[DESTROYED]) {
            this.emit('error', Object.assign(new Error('Cannot call write after a stream was destroyed'), { code: 'ERR_STREAM_DESTROYED' }));
            return true;
        }
        if (typeof encoding === 'function') {
            cb = encoding;
            encoding = 'utf8';
        }
        if (!encoding)
            encoding = 'utf8';
        const fn = this[ASYNC] ? defer : nodefer;
        // convert array buffers and typed array views into buffers
        // at some point in the future, we may want to do the opposite!
        // leave strings and buffers as-is
        // anything is only allowed if in object mode, so throw
        if (!this[OBJECTMODE] && !Buffer.isBuffer(chunk)) {
            if (isArrayBufferView(chunk)) {
                //@ts-ignore - sinful unsafe type changing
                chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
            }
            else if (isArrayBufferLike(chunk)) {
                //@ts-ignore - sinful unsafe type changing
                chunk = Buffer.from(chunk);
            }
            else if (typeof chunk !== 'string') {
                throw new Error('Non-contiguous data written to non-objectMode stream');
            }
        }
        // handle object mode up front, since it's simpler
        // this yields better performance, fewer checks later.
        if (this[OBJECTMODE]) {
            // maybe impossible?
            /* c8 ignore start */
            if (this[FLOWING] && this[BUFFERLENGTH] !== 0)
                this[FLUSH](true);
            /* c8 ignore stop */
            if (this[FLOWING])
                this.emit('data', chunk);
            else
                this[BUFFERPUSH](chunk);
            if (this[BUFFERLENGTH] !== 0)
                this.emit('readable');
            if (cb)
                fn(cb);
            return this[FLOWING];
        }
        // at this point the chunk is a buffer or string
        // don't buffer it up or send it to the decoder
        if (!chunk.length) {
            if (this[BUFFERLENGTH] !== 0)
                this.emit('readable');
            if (cb)
                fn(cb);
            return this[FLOWING];
        }
        // fast-path writing strings of same encoding to a stream with
        // an empty buffer, skipping the buffer/decoder dance
        if (typeof chunk === 'string' &&
            // unless it is a string already ready for us to use
            !(encoding === this[ENCODING] && !this[DECODER]?.lastNeed)) {
            //@ts-ignore - sinful unsafe type change
            chunk = Buffer.from(chunk, encoding);
        }
        if (Buffer.isBuffer(chunk) && this[ENCODING]) {
            //@ts-ignore - sinful unsafe type change
            chunk = this[DECODER].write(chunk);
        }
        // Note: flushing CAN potentially switch us into not-flowing mode
        if (this[FLOWING] && this[BUFFERLENGTH] !== 0)
            this[FLUSH](true);
        if (this[FLOWING])
            this.emit('data', chunk);
        else
            this[BUFFERPUSH](chunk);
        if (this[BUFFERLENGTH] !== 0)
            this.emit('readable');
        if (cb)
            fn(cb);
        return this[FLOWING];
    }
    /**
     * Low-level explicit read method.
     *
     * In objectMode, the argument is ignored, and one item is returned if
     * available.
     *
     * `n` is the number of bytes (or in the case of encoding streams,
     * characters) to consume. If `n` is not provided, then the entire buffer
     * is returned, or `null` is returned if no data is available.
     *
     * If `n` is greater that the amount of data in the internal buffer,
     * then `null` is returned.
     */
    read(n) {
        if (this[DESTROYED])
            return null;
        this[DISCARDED] = false;
        if (this[BUFFERLENGTH] === 0 ||
            n === 0 ||
            (n && n > this[BUFFERLENGTH])) {
            this[MAYBE_EMIT_END]();
            return null;
        }
        if (this[OBJECTMODE])
            n = null;
        if (this[BUFFER].length > 1 && !this[OBJECTMODE]) {
            // not object mode, so if we have an encoding, then RType is string
            // otherwise, must be Buffer
            this[BUFFER] = [
                (this[ENCODING]
                    ? this[BUFFER].join('')
                    : Buffer.concat(this[BUFFER], this[BUFFERLENGTH])),
            ];
        }
        const ret = this[READ](n || null, this[BUFFER][0]);
        this[MAYBE_EMIT_END]();
        return ret;
    }
    [READ](n, chunk) {
        if (this[OBJECTMODE])
            this[BUFFERSHIFT]();
        else {
            const c = chunk;
            if (n === c.length || n === null)
                this[BUFFERSHIFT]();
            else if (typeof c === 'string') {
                this[BUFFER][0] = c.slice(n);
                chunk = c.slice(0, n);
                this[BUFFERLENGTH] -= n;
            }
            else {
                this[BUFFER][0] = c.subarray(n);
                chunk = c.subarray(0, n);
                this[BUFFERLENGTH] -= n;
            }
        }
        this.emit('data', chunk);
        if (!this[BUFFER].length && !this[EOF])
            this.emit('drain');
        return chunk;
    }
    end(chunk, encoding, cb) {
        if (typeof chunk === 'function') {
            cb = chunk;
            chunk = undefined;
        }
        if (typeof encoding === 'function') {
            cb = encoding;
            encoding = 'utf8';
        }
        if (chunk !== undefined)
            this.write(chunk, encoding);
        if (cb)
            this.once('end', cb);
        this[EOF] = true;
        this.writable = false;
        // if we haven't written anything, then go ahead and emit,
        // even if we're not reading.
        // we'll re-emit if a new 'end' listener is added anyway.
        // This makes MP more suitable to write-only use cases.
        if (this[FLOWING] || !this[PAUSED])
            this[MAYBE_EMIT_END]();
        return this;
    }
    // don't let the internal resume be overwritten
    [RESUME]() {
        if (this[DESTROYED])
            return;
        if (!this[DATALISTENERS] && !this[PIPES].length) {
            this[DISCARDED] = true;
        }
        this[PAUSED] = false;
        this[FLOWING] = true;
        this.emit('resume');
        if (this[BUFFER].length)
            this[FLUSH]();
        else if (this[EOF])
            this[MAYBE_EMIT_END]();
        else
            this.emit('drain');
    }
    /**
     * Resume the stream if it is currently in a paused state
     *
     * If called when there are no pipe destinations or `data` event listeners,
     * this will place the stream in a "discarded" state, where all data will
     * be thrown away. The discarded state is removed if a pipe destination or
     * data handler is added, if pause() is called, or if any synchronous or
     * asynchronous iteration is started.
     */
    resume() {
        return this[RESUME]();
    }
    /**
     * Pause the stream
     */
    pause() {
        this[FLOWING] = false;
        this[PAUSED] = true;
        this[DISCARDED] = false;
    }
    /**
     * true if the stream has been forcibly destroyed
     */
    get destroyed() {
        return this[DESTROYED];
    }
    /**
     * true if the stream is currently in a flowing state, meaning that
     * any writes will be immediately emitted.
     */
    get flowing() {
        return this[FLOWING];
    }
    /**
     * true if the stream is currently in a paused state
     */
    get paused() {
        return this[PAUSED];
    }
    [BUFFERPUSH](chunk) {
        if (this[OBJECTMODE])
            this[BUFFERLENGTH] += 1;
        else
            this[BUFFERLENGTH] += chunk.length;
        this[BUFFER].push(chunk);
    }
    [BUFFERSHIFT]() {
        if (this[OBJECTMODE])
            this[BUFFERLENGTH] -= 1;
        else
            this[BUFFERLENGTH] -= this[BUFFER][0].length;
        return this[BUFFER].shift();
    }
    [FLUSH](noDrain = false) {
        do { } while (this[FLUSHCHUNK](this[BUFFERSHIFT]()) &&
            this[BUFFER].length);
        if (!noDrain && !this[BUFFER].length && !this[EOF])
            this.emit('drain');
    }
    [FLUSHCHUNK](chunk) {
        this.emit('data', chunk);
        return this[FLOWING];
    }
    /**
     * Pipe all data emitted by this stream into the destination provided.
     *
     * Triggers the flow of data.
     */
    pipe(dest, opts) {
        if (this[DESTROYED])
            return dest;
        this[DISCARDED] = false;
        const ended = this[EMITTED_END];
        opts = opts || {};
        if (dest === proc.stdout || dest === proc.stderr)
            opts.end = false;
        else
            opts.end = opts.end !== false;
        opts.proxyErrors = !!opts.proxyErrors;
        // piping an ended stream ends immediately
        if (ended) {
            if (opts.end)
                dest.end();
        }
        else {
            // "as" here just ignores the WType, which pipes don't care about,
            // since they're only consuming from us, and writing to the dest
            this[PIPES].push(!opts.proxyErrors
                ? new Pipe(this, dest, opts)
                : new PipeProxyErrors(this, dest, opts));
            if (this[ASYNC])
                defer(() => this[RESUME]());
            else
                this[RESUME]();
        }
        return dest;
    }
    /**
     * Fully unhook a piped destination stream.
     *
     * If the destination stream was the only consumer of this stream (ie,
     * there are no other piped destinations or `'data'` event listeners)
     * then the flow of data will stop until there is another consumer or
     * {@link Minipass#resume} is explicitly called.
     */
    unpipe(dest) {
        const p = this[PIPES].find(p => p.dest === dest);
        if (p) {
            if (this[PIPES].length === 1) {
                if (this[FLOWING] && this[DATALISTENERS] === 0) {
                    this[FLOWING] = false;
                }
                this[PIPES] = [];
            }
            else
                this[PIPES].splice(this[PIPES].indexOf(p), 1);
            p.unpipe();
        }
    }
    /**
     * Alias for {@link Minipass#on}
     */
    addListener(ev, handler) {
        return this.on(ev, handler);
    }
    /**
     * Mostly identical to `EventEmitter.on`, with the following
     * behavior differences to prevent data loss and unnecessary hangs:
     *
     * - Adding a 'data' event handler will trigger the flow of data
     *
     * - Adding a 'readable' event handler when there is data waiting to be read
     *   will cause 'readable' to be emitted immediately.
     *
     * - Adding an 'endish' event handler ('end', 'finish', etc.) which has
     *   already passed will cause the event to be emitted immediately and all
     *   handlers removed.
     *
     * - Adding an 'error' event handler after an error has been emitted will
     *   cause the event to be re-emitted immediately with the error previously
     *   raised.
     */
    on(ev, handler) {
        const ret = super.on(ev, handler);
        if (ev === 'data') {
            this[DISCARDED] = false;
            this[DATALISTENERS]++;
            if (!this[PIPES].length && !this[FLOWING]) {
                this[RESUME]();
            }
        }
        else if (ev === 'readable' && this[BUFFERLENGTH] !== 0) {
            super.emit('readable');
        }
        else if (isEndish(ev) && this[EMITTED_END]) {
            super.emit(ev);
            this.removeAllListeners(ev);
        }
        else if (ev === 'error' && this[EMITTED_ERROR]) {
            const h = handler;
            if (this[ASYNC])
                defer(() => h.call(this, this[EMITTED_ERROR]));
            else
                h.call(this, this[EMITTED_ERROR]);
        }
        return ret;
    }
    /**
     * Alias for {@link Minipass#off}
     */
    removeListener(ev, handler) {
        return this.off(ev, handler);
    }
    /**
     * Mostly identical to `EventEmitter.off`
     *
     * If a 'data' event handler is removed, and it was the last consumer
     * (ie, there are no pipe destinations or other 'data' event listeners),
     * then the flow of data will stop until there is another consumer or
     * {@link Minipass#resume} is explicitly called.
     */
    off(ev, handler) {
        const ret = super.off(ev, handler);
        // if we previously had listeners, and now we don't, and we don't
        // have any pipes, then stop the flow, unless it's been explicitly
        // put in a discarded flowing state via stream.resume().
        if (ev === 'data') {
            this[DATALISTENERS] = this.listeners('data').length;
            if (this[DATALISTENERS] === 0 &&
                !this[DISCARDED] &&
                !this[PIPES].length) {
                this[FLOWING] = false;
            }
        }
        return ret;
    }
    /**
     * Mostly identical to `EventEmitter.removeAllListeners`
     *
     * If all 'data' event handlers are removed, and they were the last consumer
     * (ie, there are no pipe destinations), then the flow of data will stop
     * until there is another consumer or {@link Minipass#resume} is explicitly
     * called.
     */
    removeAllListeners(ev) {
        const ret = super.removeAllListeners(ev);
        if (ev === 'data' || ev === undefined) {
            this[DATALISTENERS] = 0;
            if (!this[DISCARDED] && !this[PIPES].length) {
                this[FLOWING] = false;
            }
        }
        return ret;
    }
    /**
     * true if the 'end' event has been emitted
     */
    get emittedEnd() {
        return this[EMITTED_END];
    }
    [MAYBE_EMIT_END]() {
        if (!this[EMITTING_END] &&
            !this[EMITTED_END] &&
            !this[DESTROYED] &&
            this[BUFFER].length === 0 &&
            this[EOF]) {
            this[EMITTING_END] = true;
            this.emit('end');
            this.emit('prefinish');
            this.emit('finish');
            if (this[CLOSED])
                this.emit('close');
            this[EMITTING_END] = false;
        }
    }
    /**
     * Mostly identical to `EventEmitter.emit`, with the following
     * behavior differences to prevent data loss and unnecessary hangs:
     *
     * If the stream has been destroyed, and the event is something other
     * than 'close' or 'error', then `false` is returned and no handlers
     * are called.
     *
     * If the event is 'end', and has already been emitted, then the event
     * is ignored. If the stream is in a paused or non-flowing state, then
     * the event will be deferred until data flow resumes. If the stream is
     * async, then handlers will be called on the next tick rather than
     * immediately.
     *
     * If the event is 'close', and 'end' has not yet been emitted, then
     * the event will be deferred until after 'end' is emitted.
     *
     * If the event is 'error', and an AbortSignal was provided for the stream,
     * and there are no listeners, then the event is ignored, matching the
     * behavior of node core streams in the presense of an AbortSignal.
     *
     * If the event is 'finish' or 'prefinish', then all listeners will be
     * removed after emitting the event, to prevent double-firing.
     */
    emit(ev, ...args) {
        const data = args[0];
        // error and close are only events allowed after calling destroy()
        if (ev !== 'error' &&
            ev !== 'close' &&
            ev !== DESTROYED &&
            this[DESTROYED]) {
            return false;
        }
        else if (ev === 'data') {
            return !this[OBJECTMODE] && !data
                ? false
                : this[ASYNC]
                    ? (defer(() => this[EMITDATA](data)), true)
                    : this[EMITDATA](data);
        }
        else if (ev === 'end') {
            return this[EMITEND]();
        }
        else if (ev === 'close') {
            this[CLOSED] = true;
            // don't emit close before 'end' and 'finish'
            if (!this[EMITTED_END] && !this[DESTROYED])
                return false;
            const ret = super.emit('close');
            this.removeAllListeners('close');
            return ret;
        }
        else if (ev === 'error') {
            this[EMITTED_ERROR] = data;
            super.emit(ERROR, data);
            const ret = !this[SIGNAL] || this.listeners('error').length
                ? super.emit('error', data)
                : false;
            this[MAYBE_EMIT_END]();
            return ret;
        }
        else if (ev === 'resume') {
            const ret = super.emit('resume');
            this[MAYBE_EMIT_END]();
            return ret;
        }
        else if (ev === 'finish' || ev === 'prefinish') {
            const ret = super.emit(ev);
            this.removeAllListeners(ev);
            return ret;
        }
        // Some other unknown event
        const ret = super.emit(ev, ...args);
        this[MAYBE_EMIT_END]();
        return ret;
    }
    [EMITDATA](data) {
        for (const p of this[PIPES]) {
            if (p.dest.write(data) === false)
                this.pause();
        }
        const ret = this[DISCARDED] ? false : super.emit('data', data);
        this[MAYBE_EMIT_END]();
        return ret;
    }
    [EMITEND]() {
        if (this[EMITTED_END])
            return false;
        this[EMITTED_END] = true;
        this.readable = false;
        return this[ASYNC]
            ? (defer(() => this[EMITEND2]()), true)
            : this[EMITEND2]();
    }
    [EMITEND2]() {
        if (this[DECODER]) {
            const data = this[DECODER].end();
            if (data) {
                for (const p of this[PIPES]) {
                    p.dest.write(data);
                }
                if (!this[DISCARDED])
                    super.emit('data', data);
            }
        }
        for (const p of this[PIPES]) {
            p.end();
        }
        const ret = super.emit('end');
        this.removeAllListeners('end');
        return ret;
    }
    /**
     * Return a Promise that resolves to an array of all emitted data once
     * the stream ends.
     */
    async collect() {
        const buf = Object.assign([], {
            dataLength: 0,
        });
        if (!this[OBJECTMODE])
            buf.dataLength = 0;
        // set the promise first, in case an error is raised
        // by triggering the flow here.
        const p = this.promise();
        this.on('data', c => {
            buf.push(c);
            if (!this[OBJECTMODE])
                buf.dataLength += c.length;
        });
        await p;
        return buf;
    }
    /**
     * Return a Promise that resolves to the concatenation of all emitted data
     * once the stream ends.
     *
     * Not allowed on objectMode streams.
     */
    async concat() {
        if (this[OBJECTMODE]) {
            throw new Error('cannot concat in objectMode');
        }
        const buf = await this.collect();
        return (this[ENCODING]
            ? buf.join('')
            : Buffer.concat(buf, buf.dataLength));
    }
    /**
     * Return a void Promise that resolves once the stream ends.
     */
    async promise() {
        return new Promise((resolve, reject) => {
            this.on(DESTROYED, () => reject(new Error('stream destroyed')));
            this.on('error', er => reject(er));
            this.on('end', () => resolve());
        });
    }
    /**
     * Asynchronous `for await of` iteration.
     *
     * This will continue emitting all chunks until the stream terminates.
     */
    [Symbol.asyncIterator]() {
        // set this up front, in case the consumer doesn't call next()
        // right away.
        this[DISCARDED] = false;
        let stopped = false;
        const stop = async () => {
            this.pause();
            stopped = true;
            return { value: undefined, done: true };
        };
        const next = () => {
            if (stopped)
                return stop();
            const res = this.read();
            if (res !== null)
                return Promise.resolve({ done: false, value: res });
            if (this[EOF])
                return stop();
            let resolve;
            let reject;
            const onerr = (er) => {
                this.off('data', ondata);
                this.off('end', onend);
                this.off(DESTROYED, ondestroy);
                stop();
                reject(er);
            };
            const ondata = (value) => {
                this.off('error', onerr);
                this.off('end', onend);
                this.off(DESTROYED, ondestroy);
                this.pause();
                resolve({ value, done: !!this[EOF] });
            };
            const onend = () => {
                this.off('error', onerr);
                this.off('data', ondata);
                this.off(DESTROYED, ondestroy);
                stop();
                resolve({ done: true, value: undefined });
            };
            const ondestroy = () => onerr(new Error('stream destroyed'));
            return new Promise((res, rej) => {
                reject = rej;
                resolve = res;
                this.once(DESTROYED, ondestroy);
                this.once('error', onerr);
                this.once('end', onend);
                this.once('data', ondata);
            });
        };
        return {
            next,
            throw: stop,
            return: stop,
            [Symbol.asyncIterator]() {
                return this;
            },
            [Symbol.asyncDispose]: async () => { },
        };
    }
    /**
     * Synchronous `for of` iteration.
     *
     * The iteration will terminate when the internal buffer runs out, even
     * if the stream has not yet terminated.
     */
    [Symbol.iterator]() {
        // set this up front, in case the consumer doesn't call next()
        // right away.
        this[DISCARDED] = false;
        let stopped = false;
        const stop = () => {
            this.pause();
            this.off(ERROR, stop);
            this.off(DESTROYED, stop);
            this.off('end', stop);
            stopped = true;
            return { done: true, value: undefined };
        };
        const next = () => {
            if (stopped)
                return stop();
            const value = this.read();
            return value === null ? stop() : { done: false, value };
        };
        this.once('end', stop);
        this.once(ERROR, stop);
        this.once(DESTROYED, stop);
        return {
            next,
            throw: stop,
            return: stop,
            [Symbol.iterator]() {
                return this;
            },
            [Symbol.dispose]: () => { },
        };
    }
    /**
     * Destroy a stream, preventing it from being used for any further purpose.
     *
     * If the stream has a `close()` method, then it will be called on
     * destruction.
     *
     * After destruction, any attempt to write data, read data, or emit most
     * events will be ignored.
     *
     * If an error argument is provided, then it will be emitted in an
     * 'error' event.
     */
    destroy(er) {
        if (this[DESTROYED]) {
            if (er)
                this.emit('error', er);
            else
                this.emit(DESTROYED);
            return this;
        }
        this[DESTROYED] = true;
        this[DISCARDED] = true;
        // throw away all buffered data, it's never coming out
        this[BUFFER].length = 0;
        this[BUFFERLENGTH] = 0;
        const wc = this;
        if (typeof wc.close === 'function' && !this[CLOSED])
            wc.close();
        if (er)
            this.emit('error', er);
        // if no error to emit, still reject pending promises
        else
            this.emit(DESTROYED);
        return this;
    }
    /**
     * Alias for {@link isStream}
     *
     * Former export location, maintained for backwards compatibility.
     *
     * @deprecated
     */
    static get isStream() {
        return isStream;
    }
}
//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: external "zlib"
var external_zlib_ = __nccwpck_require__(3106);
var external_zlib_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_zlib_, 2);
;// CONCATENATED MODULE: ./node_modules/minizlib/dist/esm/constants.js
// Update with any zlib constants that are added or changed in the future.
// Node v6 didn't export this, so we just hard code the version and rely
// on all the other hard-coded values from zlib v4736.  When node v6
// support drops, we can just export the realZlibConstants object.

/* c8 ignore start */
const realZlibConstants = external_zlib_.constants || { ZLIB_VERNUM: 4736 };
/* c8 ignore stop */
const constants = Object.freeze(Object.assign(Object.create(null), {
    Z_NO_FLUSH: 0,
    Z_PARTIAL_FLUSH: 1,
    Z_SYNC_FLUSH: 2,
    Z_FULL_FLUSH: 3,
    Z_FINISH: 4,
    Z_BLOCK: 5,
    Z_OK: 0,
    Z_STREAM_END: 1,
    Z_NEED_DICT: 2,
    Z_ERRNO: -1,
    Z_STREAM_ERROR: -2,
    Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4,
    Z_BUF_ERROR: -5,
    Z_VERSION_ERROR: -6,
    Z_NO_COMPRESSION: 0,
    Z_BEST_SPEED: 1,
    Z_BEST_COMPRESSION: 9,
    Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1,
    Z_HUFFMAN_ONLY: 2,
    Z_RLE: 3,
    Z_FIXED: 4,
    Z_DEFAULT_STRATEGY: 0,
    DEFLATE: 1,
    INFLATE: 2,
    GZIP: 3,
    GUNZIP: 4,
    DEFLATERAW: 5,
    INFLATERAW: 6,
    UNZIP: 7,
    BROTLI_DECODE: 8,
    BROTLI_ENCODE: 9,
    Z_MIN_WINDOWBITS: 8,
    Z_MAX_WINDOWBITS: 15,
    Z_DEFAULT_WINDOWBITS: 15,
    Z_MIN_CHUNK: 64,
    Z_MAX_CHUNK: Infinity,
    Z_DEFAULT_CHUNK: 16384,
    Z_MIN_MEMLEVEL: 1,
    Z_MAX_MEMLEVEL: 9,
    Z_DEFAULT_MEMLEVEL: 8,
    Z_MIN_LEVEL: -1,
    Z_MAX_LEVEL: 9,
    Z_DEFAULT_LEVEL: -1,
    BROTLI_OPERATION_PROCESS: 0,
    BROTLI_OPERATION_FLUSH: 1,
    BROTLI_OPERATION_FINISH: 2,
    BROTLI_OPERATION_EMIT_METADATA: 3,
    BROTLI_MODE_GENERIC: 0,
    BROTLI_MODE_TEXT: 1,
    BROTLI_MODE_FONT: 2,
    BROTLI_DEFAULT_MODE: 0,
    BROTLI_MIN_QUALITY: 0,
    BROTLI_MAX_QUALITY: 11,
    BROTLI_DEFAULT_QUALITY: 11,
    BROTLI_MIN_WINDOW_BITS: 10,
    BROTLI_MAX_WINDOW_BITS: 24,
    BROTLI_LARGE_MAX_WINDOW_BITS: 30,
    BROTLI_DEFAULT_WINDOW: 22,
    BROTLI_MIN_INPUT_BLOCK_BITS: 16,
    BROTLI_MAX_INPUT_BLOCK_BITS: 24,
    BROTLI_PARAM_MODE: 0,
    BROTLI_PARAM_QUALITY: 1,
    BROTLI_PARAM_LGWIN: 2,
    BROTLI_PARAM_LGBLOCK: 3,
    BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4,
    BROTLI_PARAM_SIZE_HINT: 5,
    BROTLI_PARAM_LARGE_WINDOW: 6,
    BROTLI_PARAM_NPOSTFIX: 7,
    BROTLI_PARAM_NDIRECT: 8,
    BROTLI_DECODER_RESULT_ERROR: 0,
    BROTLI_DECODER_RESULT_SUCCESS: 1,
    BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
    BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
    BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
    BROTLI_DECODER_NO_ERROR: 0,
    BROTLI_DECODER_SUCCESS: 1,
    BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
    BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1,
    BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5,
    BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
    BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
    BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
    BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9,
    BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
    BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11,
    BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
    BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13,
    BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
    BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15,
    BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
    BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19,
    BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21,
    BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25,
    BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
    BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27,
    BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
    BROTLI_DECODER_ERROR_UNREACHABLE: -31,
}, realZlibConstants));
//# sourceMappingURL=constants.js.map
;// CONCATENATED MODULE: ./node_modules/minizlib/dist/esm/index.js






const OriginalBufferConcat = external_buffer_.Buffer.concat;
const desc = Object.getOwnPropertyDescriptor(external_buffer_.Buffer, 'concat');
const noop = (args) => args;
const passthroughBufferConcat = desc?.writable === true || desc?.set !== undefined
    ? (makeNoOp) => {
        external_buffer_.Buffer.concat = makeNoOp ? noop : OriginalBufferConcat;
    }
    : (_) => { };
const _superWrite = Symbol('_superWrite');
class ZlibError extends Error {
    code;
    errno;
    constructor(err, origin) {
        super('zlib: ' + err.message, { cause: err });
        this.code = err.code;
        this.errno = err.errno;
        /* c8 ignore next */
        if (!this.code)
            this.code = 'ZLIB_ERROR';
        this.message = 'zlib: ' + err.message;
        Error.captureStackTrace(this, origin ?? this.constructor);
    }
    get name() {
        return 'ZlibError';
    }
}
// the Zlib class they all inherit from
// This thing manages the queue of requests, and returns
// true or false if there is anything in the queue when
// you call the .write() method.
const _flushFlag = Symbol('flushFlag');
class ZlibBase extends Minipass {
    #sawError = false;
    #ended = false;
    #flushFlag;
    #finishFlushFlag;
    #fullFlushFlag;
    #handle;
    #onError;
    get sawError() {
        return this.#sawError;
    }
    get handle() {
        return this.#handle;
    }
    /* c8 ignore start */
    get flushFlag() {
        return this.#flushFlag;
    }
    /* c8 ignore stop */
    constructor(opts, mode) {
        if (!opts || typeof opts !== 'object')
            throw new TypeError('invalid options for ZlibBase constructor');
        //@ts-ignore
        super(opts);
        /* c8 ignore start */
        this.#flushFlag = opts.flush ?? 0;
        this.#finishFlushFlag = opts.finishFlush ?? 0;
        this.#fullFlushFlag = opts.fullFlushFlag ?? 0;
        /* c8 ignore stop */
        //@ts-ignore
        if (typeof external_zlib_namespaceObject[mode] !== 'function') {
            throw new TypeError('Compression method not supported: ' + mode);
        }
        // this will throw if any options are invalid for the class selected
        try {
            // @types/node doesn't know that it exports the classes, but they're there
            //@ts-ignore
            this.#handle = new external_zlib_namespaceObject[mode](opts);
        }
        catch (er) {
            // make sure that all errors get decorated properly
            throw new ZlibError(er, this.constructor);
        }
        this.#onError = err => {
            // no sense raising multiple errors, since we abort on the first one.
            if (this.#sawError)
                return;
            this.#sawError = true;
            // there is no way to cleanly recover.
            // continuing only obscures problems.
            this.close();
            this.emit('error', err);
        };
        this.#handle?.on('error', er => this.#onError(new ZlibError(er)));
        this.once('end', () => this.close);
    }
    close() {
        if (this.#handle) {
            this.#handle.close();
            this.#handle = undefined;
            this.emit('close');
        }
    }
    reset() {
        if (!this.#sawError) {
            external_assert_namespaceObject(this.#handle, 'zlib binding closed');
            //@ts-ignore
            return this.#handle.reset?.();
        }
    }
    flush(flushFlag) {
        if (this.ended)
            return;
        if (typeof flushFlag !== 'number')
            flushFlag = this.#fullFlushFlag;
        this.write(Object.assign(external_buffer_.Buffer.alloc(0), { [_flushFlag]: flushFlag }));
    }
    end(chunk, encoding, cb) {
        /* c8 ignore start */
        if (typeof chunk === 'function') {
            cb = chunk;
            encoding = undefined;
            chunk = undefined;
        }
        if (typeof encoding === 'function') {
            cb = encoding;
            encoding = undefined;
        }
        /* c8 ignore stop */
        if (chunk) {
            if (encoding)
                this.write(chunk, encoding);
            else
                this.write(chunk);
        }
        this.flush(this.#finishFlushFlag);
        this.#ended = true;
        return super.end(cb);
    }
    get ended() {
        return this.#ended;
    }
    // overridden in the gzip classes to do portable writes
    [_superWrite](data) {
        return super.write(data);
    }
    write(chunk, encoding, cb) {
        // process the chunk using the sync process
        // then super.write() all the outputted chunks
        if (typeof encoding === 'function')
            (cb = encoding), (encoding = 'utf8');
        if (typeof chunk === 'string')
            chunk = external_buffer_.Buffer.from(chunk, encoding);
        if (this.#sawError)
            return;
        external_assert_namespaceObject(this.#handle, 'zlib binding closed');
        // _processChunk tries to .close() the native handle after it's done, so we
        // intercept that by temporarily making it a no-op.
        // diving into the node:zlib internals a bit here
        const nativeHandle = this.#handle
            ._handle;
        const originalNativeClose = nativeHandle.close;
        nativeHandle.close = () => { };
        const originalClose = this.#handle.close;
        this.#handle.close = () => { };
        // It also calls `Buffer.concat()` at the end, which may be convenient
        // for some, but which we are not interested in as it slows us down.
        passthroughBufferConcat(true);
        let result = undefined;
        try {
            const flushFlag = typeof chunk[_flushFlag] === 'number'
                ? chunk[_flushFlag]
                : this.#flushFlag;
            result = this.#handle._processChunk(chunk, flushFlag);
            // if we don't throw, reset it back how it was
            passthroughBufferConcat(false);
        }
        catch (err) {
            // or if we do, put Buffer.concat() back before we emit error
            // Error events call into user code, which may call Buffer.concat()
            passthroughBufferConcat(false);
            this.#onError(new ZlibError(err, this.write));
        }
        finally {
            if (this.#handle) {
                // Core zlib resets `_handle` to null after attempting to close the
                // native handle. Our no-op handler prevented actual closure, but we
                // need to restore the `._handle` property.
                ;
                this.#handle._handle =
                    nativeHandle;
                nativeHandle.close = originalNativeClose;
                this.#handle.close = originalClose;
                // `_processChunk()` adds an 'error' listener. If we don't remove it
                // after each call, these handlers start piling up.
                this.#handle.removeAllListeners('error');
                // make sure OUR error listener is still attached tho
            }
        }
        if (this.#handle)
            this.#handle.on('error', er => this.#onError(new ZlibError(er, this.write)));
        let writeReturn;
        if (result) {
            if (Array.isArray(result) && result.length > 0) {
                const r = result[0];
                // The first buffer is always `handle._outBuffer`, which would be
                // re-used for later invocations; so, we always have to copy that one.
                writeReturn = this[_superWrite](external_buffer_.Buffer.from(r));
                for (let i = 1; i < result.length; i++) {
                    writeReturn = this[_superWrite](result[i]);
                }
            }
            else {
                // either a single Buffer or an empty array
                writeReturn = this[_superWrite](external_buffer_.Buffer.from(result));
            }
        }
        if (cb)
            cb();
        return writeReturn;
    }
}
class Zlib extends ZlibBase {
    #level;
    #strategy;
    constructor(opts, mode) {
        opts = opts || {};
        opts.flush = opts.flush || constants.Z_NO_FLUSH;
        opts.finishFlush = opts.finishFlush || constants.Z_FINISH;
        opts.fullFlushFlag = constants.Z_FULL_FLUSH;
        super(opts, mode);
        this.#level = opts.level;
        this.#strategy = opts.strategy;
    }
    params(level, strategy) {
        if (this.sawError)
            return;
        if (!this.handle)
            throw new Error('cannot switch params when binding is closed');
        // no way to test this without also not supporting params at all
        /* c8 ignore start */
        if (!this.handle.params)
            throw new Error('not supported in this implementation');
        /* c8 ignore stop */
        if (this.#level !== level || this.#strategy !== strategy) {
            this.flush(constants.Z_SYNC_FLUSH);
            external_assert_namespaceObject(this.handle, 'zlib binding closed');
            // .params() calls .flush(), but the latter is always async in the
            // core zlib. We override .flush() temporarily to intercept that and
            // flush synchronously.
            const origFlush = this.handle.flush;
            this.handle.flush = (flushFlag, cb) => {
                /* c8 ignore start */
                if (typeof flushFlag === 'function') {
                    cb = flushFlag;
                    flushFlag = this.flushFlag;
                }
                /* c8 ignore stop */
                this.flush(flushFlag);
                cb?.();
            };
            try {
                ;
                this.handle.params(level, strategy);
            }
            finally {
                this.handle.flush = origFlush;
            }
            /* c8 ignore start */
            if (this.handle) {
                this.#level = level;
                this.#strategy = strategy;
            }
            /* c8 ignore stop */
        }
    }
}
// minimal 2-byte header
class Deflate extends Zlib {
    constructor(opts) {
        super(opts, 'Deflate');
    }
}
class Inflate extends Zlib {
    constructor(opts) {
        super(opts, 'Inflate');
    }
}
class Gzip extends Zlib {
    #portable;
    constructor(opts) {
        super(opts, 'Gzip');
        this.#portable = opts && !!opts.portable;
    }
    [_superWrite](data) {
        if (!this.#portable)
            return super[_superWrite](data);
        // we'll always get the header emitted in one first chunk
        // overwrite the OS indicator byte with 0xFF
        this.#portable = false;
        data[9] = 255;
        return super[_superWrite](data);
    }
}
class Gunzip extends Zlib {
    constructor(opts) {
        super(opts, 'Gunzip');
    }
}
// raw - no header
class DeflateRaw extends Zlib {
    constructor(opts) {
        super(opts, 'DeflateRaw');
    }
}
class InflateRaw extends Zlib {
    constructor(opts) {
        super(opts, 'InflateRaw');
    }
}
// auto-detect header.
class Unzip extends Zlib {
    constructor(opts) {
        super(opts, 'Unzip');
    }
}
class Brotli extends ZlibBase {
    constructor(opts, mode) {
        opts = opts || {};
        opts.flush = opts.flush || constants.BROTLI_OPERATION_PROCESS;
        opts.finishFlush =
            opts.finishFlush || constants.BROTLI_OPERATION_FINISH;
        opts.fullFlushFlag = constants.BROTLI_OPERATION_FLUSH;
        super(opts, mode);
    }
}
class BrotliCompress extends Brotli {
    constructor(opts) {
        super(opts, 'BrotliCompress');
    }
}
class BrotliDecompress extends Brotli {
    constructor(opts) {
        super(opts, 'BrotliDecompress');
    }
}
class Zstd extends ZlibBase {
    constructor(opts, mode) {
        opts = opts || {};
        opts.flush = opts.flush || constants.ZSTD_e_continue;
        opts.finishFlush = opts.finishFlush || constants.ZSTD_e_end;
        opts.fullFlushFlag = constants.ZSTD_e_flush;
        super(opts, mode);
    }
}
class ZstdCompress extends Zstd {
    constructor(opts) {
        super(opts, 'ZstdCompress');
    }
}
class ZstdDecompress extends Zstd {
    constructor(opts) {
        super(opts, 'ZstdDecompress');
    }
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/large-numbers.js
// Tar can encode large and negative numbers using a leading byte of
// 0xff for negative, and 0x80 for positive.
const encode = (num, buf) => {
    if (!Number.isSafeInteger(num)) {
        // The number is so large that javascript cannot represent it with integer
        // precision.
        throw Error('cannot encode number outside of javascript safe integer range');
    }
    else if (num < 0) {
        encodeNegative(num, buf);
    }
    else {
        encodePositive(num, buf);
    }
    return buf;
};
const encodePositive = (num, buf) => {
    buf[0] = 0x80;
    for (var i = buf.length; i > 1; i--) {
        buf[i - 1] = num & 0xff;
        num = Math.floor(num / 0x100);
    }
};
const encodeNegative = (num, buf) => {
    buf[0] = 0xff;
    var flipped = false;
    num = num * -1;
    for (var i = buf.length; i > 1; i--) {
        var byte = num & 0xff;
        num = Math.floor(num / 0x100);
        if (flipped) {
            buf[i - 1] = onesComp(byte);
        }
        else if (byte === 0) {
            buf[i - 1] = 0;
        }
        else {
            flipped = true;
            buf[i - 1] = twosComp(byte);
        }
    }
};
const parse = (buf) => {
    const pre = buf[0];
    const value = pre === 0x80 ? pos(buf.subarray(1, buf.length))
        : pre === 0xff ? twos(buf)
            : null;
    if (value === null) {
        throw Error('invalid base256 encoding');
    }
    if (!Number.isSafeInteger(value)) {
        // The number is so large that javascript cannot represent it with integer
        // precision.
        throw Error('parsed number outside of javascript safe integer range');
    }
    return value;
};
const twos = (buf) => {
    var len = buf.length;
    var sum = 0;
    var flipped = false;
    for (var i = len - 1; i > -1; i--) {
        var byte = Number(buf[i]);
        var f;
        if (flipped) {
            f = onesComp(byte);
        }
        else if (byte === 0) {
            f = byte;
        }
        else {
            flipped = true;
            f = twosComp(byte);
        }
        if (f !== 0) {
            sum -= f * Math.pow(256, len - i - 1);
        }
    }
    return sum;
};
const pos = (buf) => {
    var len = buf.length;
    var sum = 0;
    for (var i = len - 1; i > -1; i--) {
        var byte = Number(buf[i]);
        if (byte !== 0) {
            sum += byte * Math.pow(256, len - i - 1);
        }
    }
    return sum;
};
const onesComp = (byte) => (0xff ^ byte) & 0xff;
const twosComp = (byte) => ((0xff ^ byte) + 1) & 0xff;
//# sourceMappingURL=large-numbers.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/types.js
const isCode = (c) => types_name.has(c);
const isName = (c) => code.has(c);
/**
 * types that are a normal file system entry, not metadata.
 *
 * These can be the subject of extended/globalExtended headers, long path
 * names, long linkpath names, etc.
 *
 * Any other types are meta, and cannot be targetted by extended PAX headers.
 */
const normalFsTypes = new Set([
    '0',
    '',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    'D',
]);
// map types from key to human-friendly name
const types_name = new Map([
    ['0', 'File'],
    // same as File
    ['', 'OldFile'],
    ['1', 'Link'],
    ['2', 'SymbolicLink'],
    // Devices and FIFOs aren't fully supported
    // they are parsed, but skipped when unpacking
    ['3', 'CharacterDevice'],
    ['4', 'BlockDevice'],
    ['5', 'Directory'],
    ['6', 'FIFO'],
    // same as File
    ['7', 'ContiguousFile'],
    // pax headers
    ['g', 'GlobalExtendedHeader'],
    ['x', 'ExtendedHeader'],
    // vendor-specific stuff
    // skip
    ['A', 'SolarisACL'],
    // like 5, but with data, which should be skipped
    ['D', 'GNUDumpDir'],
    // metadata only, skip
    ['I', 'Inode'],
    // data = link path of next file
    ['K', 'NextFileHasLongLinkpath'],
    // data = path of next file
    ['L', 'NextFileHasLongPath'],
    // skip
    ['M', 'ContinuationFile'],
    // like L
    ['N', 'OldGnuLongPath'],
    // skip
    ['S', 'SparseFile'],
    // skip
    ['V', 'TapeVolumeHeader'],
    // like x
    ['X', 'OldExtendedHeader'],
]);
// map the other direction
const code = new Map(Array.from(types_name).map(kv => [kv[1], kv[0]]));
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/header.js
// parse a 512-byte header block to a data object, or vice-versa
// encode returns `true` if a pax extended header is needed, because
// the data could not be faithfully encoded in a simple header.
// (Also, check header.needPax to see if it needs a pax header.)



const notNegative = (n) => n === undefined || n < 0 ? undefined : n;
class Header {
    cksumValid = false;
    needPax = false;
    nullBlock = false;
    block;
    path;
    mode;
    uid;
    gid;
    size;
    cksum;
    #type = 'Unsupported';
    linkpath;
    uname;
    gname;
    devmaj = 0;
    devmin = 0;
    atime;
    ctime;
    mtime;
    charset;
    comment;
    constructor(data, off = 0, ex, gex) {
        if (Buffer.isBuffer(data)) {
            this.decode(data, off || 0, ex, gex);
        }
        else if (data) {
            this.#slurp(data);
        }
    }
    decode(buf, off, ex, gex) {
        if (!off) {
            off = 0;
        }
        if (!buf || !(buf.length >= off + 512)) {
            throw new Error('need 512 bytes for header');
        }
        // Decode the typeflag (independent of any pending PAX/GNU extended header)
        // up front so we can tell whether THIS block is itself an intermediary
        // extension header (PAX `x`/`g`, GNU long-name `L`, GNU long-link `K`).
        // Per POSIX pax, a PAX extended header describes the *next file entry*, not
        // the extension headers that may sit between it and that file. Applying the
        // pending PAX overrides (notably `size`) to an intervening `L`/`K`/`x`/`g`
        // header desynchronizes the stream relative to other tar implementations
        // and enables tar interpretation-conflict / file-smuggling attacks.
        const t = decString(buf, off + 156, 1);
        const isNormalFS = normalFsTypes.has(t);
        const exForFields = isNormalFS ? ex : undefined;
        const gexForFields = isNormalFS ? gex : undefined;
        this.path = exForFields?.path ?? decString(buf, off, 100);
        this.mode =
            exForFields?.mode ??
                gexForFields?.mode ??
                decNumber(buf, off + 100, 8);
        this.uid =
            exForFields?.uid ?? gexForFields?.uid ?? decNumber(buf, off + 108, 8);
        this.gid =
            exForFields?.gid ?? gexForFields?.gid ?? decNumber(buf, off + 116, 8);
        this.size = notNegative(exForFields?.size ??
            gexForFields?.size ??
            decNumber(buf, off + 124, 12));
        this.mtime =
            exForFields?.mtime ??
                gexForFields?.mtime ??
                decDate(buf, off + 136, 12);
        this.cksum = decNumber(buf, off + 148, 12);
        // if we have extended or global extended headers, apply them now
        // See https://github.com/npm/node-tar/pull/187
        // Apply global before local, so it overrides. Never slurp the pending
        // extended-header fields onto an intermediary extension header.
        if (gexForFields)
            this.#slurp(gexForFields, true);
        if (exForFields)
            this.#slurp(exForFields);
        // old tar versions marked dirs as a file with a trailing /
        if (isCode(t)) {
            this.#type = t || '0';
        }
        if (this.#type === '0' && this.path.slice(-1) === '/') {
            this.#type = '5';
        }
        // tar implementations sometimes incorrectly put the stat(dir).size
        // as the size in the tarball, even though Directory entries are
        // not able to have any body at all.  In the very rare chance that
        // it actually DOES have a body, we weren't going to do anything with
        // it anyway, and it'll just be a warning about an invalid header.
        if (this.#type === '5') {
            this.size = 0;
        }
        this.linkpath = decString(buf, off + 157, 100);
        if (buf.subarray(off + 257, off + 265).toString() === 'ustar\u000000') {
            /* c8 ignore start */
            this.uname =
                exForFields?.uname ??
                    gexForFields?.uname ??
                    decString(buf, off + 265, 32);
            this.gname =
                exForFields?.gname ??
                    gexForFields?.gname ??
                    decString(buf, off + 297, 32);
            this.devmaj =
                exForFields?.devmaj ??
                    gexForFields?.devmaj ??
                    decNumber(buf, off + 329, 8) ??
                    0;
            this.devmin =
                exForFields?.devmin ??
                    gexForFields?.devmin ??
                    decNumber(buf, off + 337, 8) ??
                    0;
            /* c8 ignore stop */
            if (buf[off + 475] !== 0) {
                // definitely a prefix, definitely >130 chars.
                const prefix = decString(buf, off + 345, 155);
                this.path = prefix + '/' + this.path;
            }
            else {
                const prefix = decString(buf, off + 345, 130);
                if (prefix) {
                    this.path = prefix + '/' + this.path;
                }
                /* c8 ignore start */
                this.atime = ex?.atime ?? gex?.atime ?? decDate(buf, off + 476, 12);
                this.ctime = ex?.ctime ?? gex?.ctime ?? decDate(buf, off + 488, 12);
                /* c8 ignore stop */
            }
        }
        let sum = 8 * 0x20;
        for (let i = off; i < off + 148; i++) {
            sum += buf[i];
        }
        for (let i = off + 156; i < off + 512; i++) {
            sum += buf[i];
        }
        this.cksumValid = sum === this.cksum;
        if (this.cksum === undefined && sum === 8 * 0x20) {
            this.nullBlock = true;
        }
    }
    #slurp(ex, gex = false) {
        Object.assign(this, Object.fromEntries(Object.entries(ex).filter(([k, v]) => {
            // we slurp in everything except for the path attribute in
            // a global extended header, because that's weird. Also, any
            // null/undefined values are ignored.
            return !(v === null ||
                v === undefined ||
                (k === 'size' && Number(v) < 0) ||
                (k === 'path' && gex) ||
                (k === 'linkpath' && gex) ||
                k === 'global');
        })));
    }
    encode(buf, off = 0) {
        if (!buf) {
            buf = this.block = Buffer.alloc(512);
        }
        if (this.#type === 'Unsupported') {
            this.#type = '0';
        }
        if (!(buf.length >= off + 512)) {
            throw new Error('need 512 bytes for header');
        }
        const prefixSize = this.ctime || this.atime ? 130 : 155;
        const split = splitPrefix(this.path || '', prefixSize);
        const path = split[0];
        const prefix = split[1];
        this.needPax = !!split[2];
        this.needPax = encString(buf, off, 100, path) || this.needPax;
        this.needPax = encNumber(buf, off + 100, 8, this.mode) || this.needPax;
        this.needPax = encNumber(buf, off + 108, 8, this.uid) || this.needPax;
        this.needPax = encNumber(buf, off + 116, 8, this.gid) || this.needPax;
        this.needPax = encNumber(buf, off + 124, 12, this.size) || this.needPax;
        this.needPax = encDate(buf, off + 136, 12, this.mtime) || this.needPax;
        buf[off + 156] = Number(this.#type.codePointAt(0));
        this.needPax =
            encString(buf, off + 157, 100, this.linkpath) || this.needPax;
        buf.write('ustar\u000000', off + 257, 8);
        this.needPax =
            encString(buf, off + 265, 32, this.uname) || this.needPax;
        this.needPax =
            encString(buf, off + 297, 32, this.gname) || this.needPax;
        this.needPax =
            encNumber(buf, off + 329, 8, this.devmaj) || this.needPax;
        this.needPax =
            encNumber(buf, off + 337, 8, this.devmin) || this.needPax;
        this.needPax =
            encString(buf, off + 345, prefixSize, prefix) || this.needPax;
        if (buf[off + 475] !== 0) {
            this.needPax = encString(buf, off + 345, 155, prefix) || this.needPax;
        }
        else {
            this.needPax = encString(buf, off + 345, 130, prefix) || this.needPax;
            this.needPax =
                encDate(buf, off + 476, 12, this.atime) || this.needPax;
            this.needPax =
                encDate(buf, off + 488, 12, this.ctime) || this.needPax;
        }
        let sum = 8 * 0x20;
        for (let i = off; i < off + 148; i++) {
            sum += buf[i];
        }
        for (let i = off + 156; i < off + 512; i++) {
            sum += buf[i];
        }
        this.cksum = sum;
        encNumber(buf, off + 148, 8, this.cksum);
        this.cksumValid = true;
        return this.needPax;
    }
    get type() {
        return (this.#type === 'Unsupported' ?
            this.#type
            : types_name.get(this.#type));
    }
    get typeKey() {
        return this.#type;
    }
    set type(type) {
        const c = String(code.get(type));
        if (isCode(c) || c === 'Unsupported') {
            this.#type = c;
        }
        else if (isCode(type)) {
            this.#type = type;
        }
        else {
            throw new TypeError('invalid entry type: ' + type);
        }
    }
}
const splitPrefix = (p, prefixSize) => {
    const pathSize = 100;
    let pp = p;
    let prefix = '';
    let ret = undefined;
    const root = external_node_path_namespaceObject.posix.parse(p).root || '.';
    if (Buffer.byteLength(pp) < pathSize) {
        ret = [pp, prefix, false];
    }
    else {
        // first set prefix to the dir, and path to the base
        prefix = external_node_path_namespaceObject.posix.dirname(pp);
        pp = external_node_path_namespaceObject.posix.basename(pp);
        do {
            if (Buffer.byteLength(pp) <= pathSize &&
                Buffer.byteLength(prefix) <= prefixSize) {
                // both fit!
                ret = [pp, prefix, false];
            }
            else if (Buffer.byteLength(pp) > pathSize &&
                Buffer.byteLength(prefix) <= prefixSize) {
                // prefix fits in prefix, but path doesn't fit in path
                ret = [pp.slice(0, pathSize - 1), prefix, true];
            }
            else {
                // make path take a bit from prefix
                pp = external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.basename(prefix), pp);
                prefix = external_node_path_namespaceObject.posix.dirname(prefix);
            }
        } while (prefix !== root && ret === undefined);
        // at this point, found no resolution, just truncate
        if (!ret) {
            ret = [p.slice(0, pathSize - 1), '', true];
        }
    }
    return ret;
};
const decString = (buf, off, size) => buf
    .subarray(off, off + size)
    .toString('utf8')
    .replace(/\0.*/, '');
const decDate = (buf, off, size) => numToDate(decNumber(buf, off, size));
const numToDate = (num) => num === undefined ? undefined : new Date(num * 1000);
const decNumber = (buf, off, size) => Number(buf[off]) & 0x80 ?
    parse(buf.subarray(off, off + size))
    : decSmallNumber(buf, off, size);
const nanUndef = (value) => (isNaN(value) ? undefined : value);
const decSmallNumber = (buf, off, size) => nanUndef(parseInt(buf
    .subarray(off, off + size)
    .toString('utf8')
    .replace(/\0.*$/, '')
    .trim(), 8));
// the maximum encodable as a null-terminated octal, by field size
const MAXNUM = {
    12: 0o77777777777,
    8: 0o7777777,
};
const encNumber = (buf, off, size, num) => num === undefined ? false
    : num > MAXNUM[size] || num < 0 ?
        (encode(num, buf.subarray(off, off + size)), true)
        : (encSmallNumber(buf, off, size, num), false);
const encSmallNumber = (buf, off, size, num) => buf.write(octalString(num, size), off, size, 'ascii');
const octalString = (num, size) => padOctal(Math.floor(num).toString(8), size);
const padOctal = (str, size) => (str.length === size - 1 ?
    str
    : new Array(size - str.length - 1).join('0') + str + ' ') + '\0';
const encDate = (buf, off, size, date) => date === undefined ? false : (encNumber(buf, off, size, date.getTime() / 1000));
// enough to fill the longest string we've got
const NULLS = new Array(156).join('\0');
// pad with nulls, return true if it's longer or non-ascii
const encString = (buf, off, size, str) => str === undefined ? false : ((buf.write(str + NULLS, off, size, 'utf8'),
    str.length !== Buffer.byteLength(str) || str.length > size));
//# sourceMappingURL=header.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/pax.js


class Pax {
    atime;
    mtime;
    ctime;
    charset;
    comment;
    gid;
    uid;
    gname;
    uname;
    linkpath;
    dev;
    ino;
    nlink;
    path;
    size;
    mode;
    global;
    constructor(obj, global = false) {
        this.atime = obj.atime;
        this.charset = obj.charset;
        this.comment = obj.comment;
        this.ctime = obj.ctime;
        this.dev = obj.dev;
        this.gid = obj.gid;
        this.global = global;
        this.gname = obj.gname;
        this.ino = obj.ino;
        this.linkpath = obj.linkpath;
        this.mtime = obj.mtime;
        this.nlink = obj.nlink;
        this.path = obj.path;
        this.size = obj.size;
        this.uid = obj.uid;
        this.uname = obj.uname;
    }
    encode() {
        const body = this.encodeBody();
        if (body === '') {
            return Buffer.allocUnsafe(0);
        }
        const bodyLen = Buffer.byteLength(body);
        // round up to 512 bytes
        // add 512 for header
        const bufLen = 512 * Math.ceil(1 + bodyLen / 512);
        const buf = Buffer.allocUnsafe(bufLen);
        // 0-fill the header section, it might not hit every field
        for (let i = 0; i < 512; i++) {
            buf[i] = 0;
        }
        new Header({
            // XXX split the path
            // then the path should be PaxHeader + basename, but less than 99,
            // prepend with the dirname
            /* c8 ignore start */
            path: ('PaxHeader/' + (0,external_node_path_namespaceObject.basename)(this.path ?? '')).slice(0, 99),
            /* c8 ignore stop */
            mode: this.mode || 0o644,
            uid: this.uid,
            gid: this.gid,
            size: bodyLen,
            mtime: this.mtime,
            type: this.global ? 'GlobalExtendedHeader' : 'ExtendedHeader',
            linkpath: '',
            uname: this.uname || '',
            gname: this.gname || '',
            devmaj: 0,
            devmin: 0,
            atime: this.atime,
            ctime: this.ctime,
        }).encode(buf);
        buf.write(body, 512, bodyLen, 'utf8');
        // null pad after the body
        for (let i = bodyLen + 512; i < buf.length; i++) {
            buf[i] = 0;
        }
        return buf;
    }
    encodeBody() {
        return (this.encodeField('path') +
            this.encodeField('ctime') +
            this.encodeField('atime') +
            this.encodeField('dev') +
            this.encodeField('ino') +
            this.encodeField('nlink') +
            this.encodeField('charset') +
            this.encodeField('comment') +
            this.encodeField('gid') +
            this.encodeField('gname') +
            this.encodeField('linkpath') +
            this.encodeField('mtime') +
            this.encodeField('size') +
            this.encodeField('uid') +
            this.encodeField('uname'));
    }
    encodeField(field) {
        if (this[field] === undefined) {
            return '';
        }
        const r = this[field];
        const v = r instanceof Date ? r.getTime() / 1000 : r;
        const s = ' ' +
            (field === 'dev' || field === 'ino' || field === 'nlink' ?
                'SCHILY.'
                : '') +
            field +
            '=' +
            v +
            '\n';
        const byteLen = Buffer.byteLength(s);
        // the digits includes the length of the digits in ascii base-10
        // so if it's 9 characters, then adding 1 for the 9 makes it 10
        // which makes it 11 chars.
        let digits = Math.floor(Math.log(byteLen) / Math.log(10)) + 1;
        if (byteLen + digits >= Math.pow(10, digits)) {
            digits += 1;
        }
        const len = digits + byteLen;
        return len + s;
    }
    static parse(str, ex, g = false) {
        return new Pax(merge(parseKV(str), ex), g);
    }
}
const merge = (a, b) => b ? Object.assign({}, b, a) : a;
const parseKV = (str) => str
    .replace(/\n$/, '')
    .split('\n')
    .reduce(parseKVLine, Object.create(null));
const parseKVLine = (set, line) => {
    const n = parseInt(line, 10);
    // XXX Values with \n in them will fail this.
    // Refactor to not be a naive line-by-line parse.
    if (n !== Buffer.byteLength(line) + 1) {
        return set;
    }
    line = line.slice((n + ' ').length);
    const kv = line.split('=');
    const r = kv.shift();
    if (!r) {
        return set;
    }
    const k = r.replace(/^SCHILY\.(dev|ino|nlink)/, '$1');
    const v = kv.join('=').replace(/\0.*/, '');
    switch (k) {
        case 'path':
        case 'linkpath':
        case 'type':
        case 'charset':
        case 'comment':
        case 'gname':
        case 'uname':
            set[k] = v;
            break;
        case 'ctime':
        case 'atime':
        case 'mtime':
            set[k] = new Date(Number(v) * 1000);
            break;
        case 'size':
            const s = +v;
            if (s >= 0)
                set[k] = s;
            break;
        case 'gid':
        case 'uid':
        case 'dev':
        case 'ino':
        case 'nlink':
        case 'mode':
            set[k] = +v;
            break;
    }
    return set;
};
//# sourceMappingURL=pax.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/normalize-windows-path.js
// on windows, either \ or / are valid directory separators.
// on unix, \ is a valid character in filenames.
// so, on windows, and only on windows, we replace all \ chars with /,
// so that we can use / as our one and only directory separator char.
const platform = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
const normalizeWindowsPath = platform !== 'win32' ?
    (p) => String(p)
    : (p) => String(p).replaceAll(/\\/g, '/');
//# sourceMappingURL=normalize-windows-path.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/read-entry.js


class ReadEntry extends Minipass {
    extended;
    globalExtended;
    header;
    startBlockSize;
    blockRemain;
    remain;
    type;
    meta = false;
    ignore = false;
    path;
    mode;
    uid;
    gid;
    uname;
    gname;
    size = 0;
    mtime;
    atime;
    ctime;
    linkpath;
    dev;
    ino;
    nlink;
    invalid = false;
    absolute;
    unsupported = false;
    constructor(header, ex, gex) {
        super({});
        // read entries always start life paused.  this is to avoid the
        // situation where Minipass's auto-ending empty streams results
        // in an entry ending before we're ready for it.
        this.pause();
        this.extended = ex;
        this.globalExtended = gex;
        this.header = header;
        /* c8 ignore start */
        this.remain = header.size ?? 0;
        /* c8 ignore stop */
        this.startBlockSize = 512 * Math.ceil(this.remain / 512);
        this.blockRemain = this.startBlockSize;
        this.type = header.type;
        switch (this.type) {
            case 'File':
            case 'OldFile':
            case 'Link':
            case 'SymbolicLink':
            case 'CharacterDevice':
            case 'BlockDevice':
            case 'Directory':
            case 'FIFO':
            case 'ContiguousFile':
            case 'GNUDumpDir':
                break;
            case 'NextFileHasLongLinkpath':
            case 'NextFileHasLongPath':
            case 'OldGnuLongPath':
            case 'GlobalExtendedHeader':
            case 'ExtendedHeader':
            case 'OldExtendedHeader':
                this.meta = true;
                break;
            // NOTE: gnutar and bsdtar treat unrecognized types as 'File'
            // it may be worth doing the same, but with a warning.
            default:
                this.ignore = true;
        }
        /* c8 ignore start */
        if (!header.path) {
            throw new Error('no path provided for tar.ReadEntry');
        }
        /* c8 ignore stop */
        this.path = normalizeWindowsPath(header.path);
        this.mode = header.mode;
        if (this.mode) {
            this.mode = this.mode & 0o7777;
        }
        this.uid = header.uid;
        this.gid = header.gid;
        this.uname = header.uname;
        this.gname = header.gname;
        this.size = this.remain;
        this.mtime = header.mtime;
        this.atime = header.atime;
        this.ctime = header.ctime;
        /* c8 ignore start */
        this.linkpath =
            header.linkpath ? normalizeWindowsPath(header.linkpath) : undefined;
        /* c8 ignore stop */
        this.uname = header.uname;
        this.gname = header.gname;
        if (ex) {
            this.#slurp(ex);
        }
        if (gex) {
            this.#slurp(gex, true);
        }
    }
    write(data) {
        const writeLen = data.length;
        if (writeLen > this.blockRemain) {
            throw new Error('writing more to entry than is appropriate');
        }
        const r = this.remain;
        const br = this.blockRemain;
        this.remain = Math.max(0, r - writeLen);
        this.blockRemain = Math.max(0, br - writeLen);
        if (this.ignore) {
            return true;
        }
        if (r >= writeLen) {
            return super.write(data);
        }
        // r < writeLen
        return super.write(data.subarray(0, r));
    }
    #slurp(ex, gex = false) {
        if (ex.path)
            ex.path = normalizeWindowsPath(ex.path);
        if (ex.linkpath)
            ex.linkpath = normalizeWindowsPath(ex.linkpath);
        Object.assign(this, Object.fromEntries(Object.entries(ex).filter(([k, v]) => {
            // we slurp in everything except for the path attribute in
            // a global extended header, because that's weird. Also, any
            // null/undefined values are ignored.
            return !(v === null || v === undefined || (k === 'path' && gex));
        })));
    }
}
//# sourceMappingURL=read-entry.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/warn-method.js
const warnMethod = (self, code, message, data = {}) => {
    if (self.file) {
        data.file = self.file;
    }
    if (self.cwd) {
        data.cwd = self.cwd;
    }
    data.code =
        (message instanceof Error &&
            message.code) ||
            code;
    data.tarCode = code;
    if (!self.strict && data.recoverable !== false) {
        if (message instanceof Error) {
            data = Object.assign(message, data);
            message = message.message;
        }
        self.emit('warn', code, message, data);
    }
    else if (message instanceof Error) {
        self.emit('error', Object.assign(message, data));
    }
    else {
        self.emit('error', Object.assign(new Error(`${code}: ${message}`), data));
    }
};
//# sourceMappingURL=warn-method.js.map
;// CONCATENATED MODULE: ./node_modules/tar/dist/esm/parse.js
// this[BUFFER] is the remainder of a chunk if we're waiting for
// the full 512 bytes of a header to come in.  We will Buffer.concat()
// it to the next write(), which is a mem copy, but a small one.
//
// this[QUEUE] is a list of entries that haven't been emitted
// yet this can only get filled up if the user keeps write()ing after
// a write() returns false, or does a write() with more than one entry
//
// We don't buffer chunks, we always parse them and either create an
// entry, or push it into the active entry.  The ReadEntry class knows
// to throw data away if .ignore=true
//
// Shift entry off the buffer when it emits 'end', and emit 'entry' for
// the next one in the list.
//
// At any time, we're pushing body chunks into the entry at WRITEENTRY,
// and waiting for 'end' on the entry at READENTRY
//
// ignored entries get .resume() called on them straight away






const maxMetaEntrySize = 1024 * 1024;
const gzipHeader = Buffer.from([0x1f, 0x8b]);
const zstdHeader = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const ZIP_HEADER_LEN = Math.max(gzipHeader.length, zstdHeader.length);
const STATE = Symbol('state');
const WRITEENTRY = Symbol('writeEntry');
const READENTRY = Symbol('readEntry');
const NEXTENTRY = Symbol('nextEntry');
const PROCESSENTRY = Symbol('processEntry');
const EX = Symbol('extendedHeader');
const GEX = Symbol('globalExtendedHeader');
const parse_META = Symbol('meta');
const EMITMETA = Symbol('emitMeta');
const parse_BUFFER = Symbol('buffer');
const QUEUE = Symbol('queue');
const ENDED = Symbol('ended');
const EMITTEDEND = Symbol('emittedEnd');
const EMIT = Symbol('emit');
const UNZIP = Symbol('unzip');
const CONSUMECHUNK = Symbol('consumeChunk');
const CONSUMECHUNKSUB = Symbol('consumeChunkSub');
const CONSUMEBODY = Symbol('consumeBody');
const CONSUMEMETA = Symbol('consumeMeta');
const CONSUMEHEADER = Symbol('consumeHeader');
const CONSUMING = Symbol('consuming');
const BUFFERCONCAT = Symbol('bufferConcat');
const MAYBEEND = Symbol('maybeEnd');
const WRITING = Symbol('writing');
const parse_ABORTED = Symbol('aborted');
const DONE = Symbol('onDone');
const SAW_VALID_ENTRY = Symbol('sawValidEntry');
const SAW_NULL_BLOCK = Symbol('sawNullBlock');
const SAW_EOF = Symbol('sawEOF');
const CLOSESTREAM = Symbol('closeStream');
const MAX_DECOMPRESSION_RATIO = 1000;
const COMPRESSEDBYTESREAD = Symbol('compressedBytesRead');
const DECOMPRESSEDBYTESREAD = Symbol('decompressedBytesRead');
const CHECKDECOMPRESSIONRATIO = Symbol('checkDecompressionRatio');
const parse_noop = () => true;
class Parser extends external_events_.EventEmitter {
    file;
    strict;
    maxMetaEntrySize;
    filter;
    brotli;
    zstd;
    maxDecompressionRatio;
    writable = true;
    readable = false;
    [QUEUE] = [];
    [parse_BUFFER];
    [READENTRY];
    [WRITEENTRY];
    [STATE] = 'begin';
    [parse_META] = '';
    [EX];
    [GEX];
    [ENDED] = false;
    [UNZIP];
    [parse_ABORTED] = false;
    [SAW_VALID_ENTRY];
    [SAW_NULL_BLOCK] = false;
    [SAW_EOF] = false;
    [WRITING] = false;
    [CONSUMING] = false;
    [EMITTEDEND] = false;
    [COMPRESSEDBYTESREAD] = 0;
    [DECOMPRESSEDBYTESREAD] = 0;
    constructor(opt = {}) {
        super();
        this.file = opt.file || '';
        // these BADARCHIVE errors can't be detected early. listen on DONE.
        this.on(DONE, () => {
            if (this[STATE] === 'begin' || this[SAW_VALID_ENTRY] === false) {
                // either less than 1 block of data, or all entries were invalid.
                // Either way, probably not even a tarball.
                this.warn('TAR_BAD_ARCHIVE', 'Unrecognized archive format');
            }
        });
        if (opt.ondone) {
            this.on(DONE, opt.ondone);
        }
        else {
            this.on(DONE, () => {
                this.emit('prefinish');
                this.emit('finish');
                this.emit('end');
            });
        }
        this.strict = !!opt.strict;
        this.maxDecompressionRatio =
            typeof opt.maxDecompressionRatio === 'number' ?
                opt.maxDecompressionRatio
                : MAX_DECOMPRESSION_RATIO;
        this.maxMetaEntrySize = opt.maxMetaEntrySize || maxMetaEntrySize;
        this.filter = typeof opt.filter === 'function' ? opt.filter : parse_noop;
        // Unlike gzip, brotli doesn't have any magic bytes to identify it
        // Users need to explicitly tell us they're extracting a brotli file
        // Or we infer from the file extension
        const isTBR = opt.file &&
            (opt.file.endsWith('.tar.br') || opt.file.endsWith('.tbr'));
        // if it's a tbr file it MIGHT be brotli, but we don't know until
        // we look at it and verify it's not a valid tar file.
        this.brotli =
            !(opt.gzip || opt.zstd) && opt.brotli !== undefined ? opt.brotli
                : isTBR ? undefined
                    : false;
        // zstd has magic bytes to identify it, but we also support explicit options
        // and file extension detection
        const isTZST = opt.file &&
            (opt.file.endsWith('.tar.zst') || opt.file.endsWith('.tzst'));
        this.zstd =
            !(opt.gzip || opt.brotli) && opt.zstd !== undefined ? opt.zstd
                : isTZST ? true
                    : undefined;
        // have to set this so that streams are ok piping into it
        this.on('end', () => this[CLOSESTREAM]());
        if (typeof opt.onwarn === 'function') {
            this.on('warn', opt.onwarn);
        }
        if (typeof opt.onReadEntry === 'function') {
            this.on('entry', opt.onReadEntry);
        }
    }
    warn(code, message, data = {}) {
        warnMethod(this, code, message, data);
    }
    [CONSUMEHEADER](chunk, position) {
        if (this[SAW_VALID_ENTRY] === undefined) {
            this[SAW_VALID_ENTRY] = false;
        }
        let header;
        try {
            header = new Header(chunk, position, this[EX], this[GEX]);
        }
        catch (er) {
            return this.warn('TAR_ENTRY_INVALID', er);
        }
        if (header.nullBlock) {
            if (this[SAW_NULL_BLOCK]) {
                this[SAW_EOF] = true;
                // ending an archive with no entries.  pointless, but legal.
                if (this[STATE] === 'begin') {
                    this[STATE] = 'header';
                }
                this[EMIT]('eof');
            }
            else {
                this[SAW_NULL_BLOCK] = true;
                this[EMIT]('nullBlock');
            }
        }
        else {
            this[SAW_NULL_BLOCK] = false;
            if (!header.cksumValid) {
                this.warn('TAR_ENTRY_INVALID', 'checksum failure', { header });
            }
            else if (!header.path) {
                this.warn('TAR_ENTRY_INVALID', 'path is required', { header });
            }
            else {
                const type = header.type;
                if (/^(Symbolic)?Link$/.test(type) && !header.linkpath) {
                    this.warn('TAR_ENTRY_INVALID', 'linkpath required', {
                        header,
                    });
                }
                else if (!/^(Symbolic)?Link$/.test(type) &&
                    !/^(Global)?ExtendedHeader$/.test(type) &&
                    header.linkpath) {
                    this.warn('TAR_ENTRY_INVALID', 'linkpath forbidden', {
                        header,
                    });
                }
                else {
                    const entry = (this[WRITEENTRY] = new ReadEntry(header, this[EX], this[GEX]));
                    // we do this for meta & ignored entries as well, because they
                    // are still valid tar, or else we wouldn't know to ignore them
                    if (!this[SAW_VALID_ENTRY]) {
                        if (entry.remain) {
                            // this might be the one!
                            const onend = () => {
                                if (!entry.invalid) {
                                    this[SAW_VALID_ENTRY] = true;
                                }
                            };
                            entry.on('end', onend);
                        }
                        else {
                            this[SAW_VALID_ENTRY] = true;
                        }
                    }
                    if (entry.meta) {
                        if (entry.size > this.maxMetaEntrySize) {
                            entry.ignore = true;
                            this[EMIT]('ignoredEntry', entry);
                            this[STATE] = 'ignore';
                            entry.resume();
                        }
                        else if (entry.size > 0) {
                            this[parse_META] = '';
                            entry.on('data', c => (this[parse_META] += c));
                            this[STATE] = 'meta';
                        }
                    }
                    else {
                        this[EX] = undefined;
                        entry.ignore = entry.ignore || !this.filter(entry.path, entry);
                        if (entry.ignore) {
                            // probably valid, just not something we care about
                            this[EMIT]('ignoredEntry', entry);
                            this[STATE] = entry.remain ? 'ignore' : 'header';
                            entry.resume();
                        }
                        else {
                            if (entry.remain) {
                                this[STATE] = 'body';
                            }
                            else {
                                this[STATE] = 'header';
                                entry.end();
                            }
                            if (!this[READENTRY]) {
                                this[QUEUE].push(entry);
                                this[NEXTENTRY]();
                            }
                            else {
                                this[QUEUE].push(entry);
                            }
                        }
                    }
                }
            }
        }
    }
    [CLOSESTREAM]() {
        queueMicrotask(() => this.emit('close'));
    }
    [PROCESSENTRY](entry) {
        let go = true;
        if (!entry) {
            this[READENTRY] = undefined;
            go = false;
        }
        else if (Array.isArray(entry)) {
            const [ev, ...args] = entry;
            this.emit(ev, ...args);
        }
        else {
            this[READENTRY] = entry;
            this.emit('entry', entry);
            if (!entry.emittedEnd) {
                entry.on('end', () => this[NEXTENTRY]());
                go = false;
            }
        }
        return go;
    }
    [NEXTENTRY]() {
        do { } while (this[PROCESSENTRY](this[QUEUE].shift()));
        if (this[QUEUE].length === 0) {
            // At this point, there's nothing in the queue, but we may have an
            // entry which is being consumed (readEntry).
            // If we don't, then we definitely can handle more data.
            // If we do, and either it's flowing, or it has never had any data
            // written to it, then it needs more.
            // The only other possibility is that it has returned false from a
            // write() call, so we wait for the next drain to continue.
            const re = this[READENTRY];
            const drainNow = !re || re.flowing || re.size === re.remain;
            if (drainNow) {
                if (!this[WRITING]) {
                    this.emit('drain');
                }
            }
            else {
                re.once('drain', () => this.emit('drain'));
            }
        }
    }
    [CONSUMEBODY](chunk, position) {
        // write up to but no  more than writeEntry.blockRemain
        const entry = this[WRITEENTRY];
        /* c8 ignore start */
        if (!entry) {
            throw new Error('attempt to consume body without entry??');
        }
        const br = entry.blockRemain ?? 0;
        /* c8 ignore stop */
        const c = br >= chunk.length && position === 0 ?
            chunk
            : chunk.subarray(position, position + br);
        entry.write(c);
        if (!entry.blockRemain) {
            this[STATE] = 'header';
            this[WRITEENTRY] = undefined;
            entry.end();
        }
        return c.length;
    }
    [CONSUMEMETA](chunk, position) {
        const entry = this[WRITEENTRY];
        const ret = this[CONSUMEBODY](chunk, position);
        // if we finished, then the entry is reset
        if (!this[WRITEENTRY] && entry) {
            this[EMITMETA](entry);
        }
        return ret;
    }
    [EMIT](ev, data, extra) {
        if (this[QUEUE].length === 0 && !this[READENTRY]) {
            this.emit(ev, data, extra);
        }
        else {
            this[QUEUE].push([ev, data, extra]);
        }
    }
    [EMITMETA](entry) {
        this[EMIT]('meta', this[parse_META]);
        switch (entry.type) {
            case 'ExtendedHeader':
            case 'OldExtendedHeader':
                this[EX] = Pax.parse(this[parse_META], this[EX], false);
                break;
            case 'GlobalExtendedHeader':
                this[GEX] = Pax.parse(this[parse_META], this[GEX], true);
                break;
            case 'NextFileHasLongPath':
            case 'OldGnuLongPath': {
                const ex = this[EX] ?? Object.create(null);
                this[EX] = ex;
                ex.path = this[parse_META].replace(/\0.*/, '');
                break;
            }
            case 'NextFileHasLongLinkpath': {
                const ex = this[EX] || Object.create(null);
                this[EX] = ex;
                ex.linkpath = this[parse_META].replace(/\0.*/, '');
                break;
            }
            /* c8 ignore start */
            default:
                throw new Error('unknown meta: ' + entry.type);
            /* c8 ignore stop */
        }
    }
    abort(error) {
        if (this[parse_ABORTED]) {
            return;
        }
        if (this[UNZIP]) {
            // fully nerf the decompressor and close its underlying binding
            const u = this[UNZIP];
            /* c8 ignore start */
            u.write = () => true;
            u.end = () => u;
            u.emit = () => false;
            /* c8 ignore stop */
            u.destroy?.();
        }
        this[parse_ABORTED] = true;
        this.emit('abort', error);
        // always throws, even in non-strict mode
        this.warn('TAR_ABORT', error, { recoverable: false });
    }
    [CHECKDECOMPRESSIONRATIO](chunk) {
        this[DECOMPRESSEDBYTESREAD] += chunk.length;
        const ratio = this[DECOMPRESSEDBYTESREAD] / this[COMPRESSEDBYTESREAD];
        if (ratio > this.maxDecompressionRatio) {
            this.abort(new Error(`max decompression ratio exceeded: ${ratio.toFixed(2)} > ${this.maxDecompressionRatio}`));
            return false;
        }
        return true;
    }
    write(chunk, encoding, cb) {
        if (typeof encoding === 'function') {
            cb = encoding;
            encoding = undefined;
        }
        if (typeof chunk === 'string') {
            chunk = Buffer.from(chunk, 
            /* c8 ignore next */
            typeof encoding === 'string' ? encoding : 'utf8');
        }
        if (this[parse_ABORTED]) {
            /* c8 ignore next */
            cb?.();
            return false;
        }
        // first write, might be gzipped, zstd, or brotli compressed
        const needSniff = this[UNZIP] === undefined ||
            (this.brotli === undefined && this[UNZIP] === false);
        if (needSniff && chunk) {
            if (this[parse_BUFFER]) {
                chunk = Buffer.concat([this[parse_BUFFER], chunk]);
                this[parse_BUFFER] = undefined;
            }
            if (chunk.length < ZIP_HEADER_LEN) {
                this[parse_BUFFER] = chunk;
                /* c8 ignore next */
                cb?.();
                return true;
            }
            // look for gzip header
            for (let i = 0; this[UNZIP] === undefined && i < gzipHeader.length; i++) {
                if (chunk[i] !== gzipHeader[i]) {
                    this[UNZIP] = false;
                }
            }
            // look for zstd header if gzip header not found
            let isZstd = false;
            if (this[UNZIP] === false && this.zstd !== false) {
                isZstd = true;
                for (let i = 0; i < zstdHeader.length; i++) {
                    if (chunk[i] !== zstdHeader[i]) {
                        isZstd = false;
                        break;
                    }
                }
            }
            const maybeBrotli = this.brotli === undefined && !isZstd;
            if (this[UNZIP] === false && maybeBrotli) {
                // read the first header to see if it's a valid tar file. If so,
                // we can safely assume that it's not actually brotli, despite the
                // .tbr or .tar.br file extension.
                // if we ended before getting a full chunk, yes, def brotli
                if (chunk.length < 512) {
                    if (this[ENDED]) {
                        this.brotli = true;
                    }
                    else {
                        this[parse_BUFFER] = chunk;
                        /* c8 ignore next */
                        cb?.();
                        return true;
                    }
                }
                else {
                    // if it's tar, it's pretty reliably not brotli, chances of
                    // that happening are astronomical.
                    try {
                        new Header(chunk.subarray(0, 512));
                        this.brotli = false;
                    }
                    catch (_) {
                        this.brotli = true;
                    }
                }
            }
            if (this[UNZIP] === undefined ||
                (this[UNZIP] === false && (this.brotli || isZstd))) {
                const ended = this[ENDED];
                this[ENDED] = false;
                this[UNZIP] =
                    this[UNZIP] === undefined ? new Unzip({})
                        : isZstd ? new ZstdDecompress({})
                            : new BrotliDecompress({});
                this[UNZIP].on('data', chunk => {
                    if (this[CHECKDECOMPRESSIONRATIO](chunk)) {
                        this[CONSUMECHUNK](chunk);
                    }
                });
                this[UNZIP].on('error', er => {
                    if (!this[parse_ABORTED]) {
                        this.abort(er);
                    }
                });
                this[UNZIP].on('end', () => {
                    this[ENDED] = true;
                    this[CONSUMECHUNK]();
                });
                this[WRITING] = true;
                this[COMPRESSEDBYTESREAD] += chunk.length;
                const ret = !!this[UNZIP][ended ? 'end' : 'write'](chunk);
                this[WRITING] = false;
                cb?.();
                return ret;
            }
        }
        this[WRITING] = true;
        if (this[UNZIP]) {
            this[COMPRESSEDBYTESREAD] += chunk.length;
            this[UNZIP].write(chunk);
        }
        else {
            this[CONSUMECHUNK](chunk);
        }
        this[WRITING] = false;
        // return false if there's a queue, or if the current entry isn't flowing
        const ret = this[QUEUE].length > 0 ? false
            : this[READENTRY] ? this[READENTRY].flowing
                : true;
        // if we have no queue, then that means a clogged READENTRY
        if (!ret && this[QUEUE].length === 0) {
            this[READENTRY]?.once('drain', () => this.emit('drain'));
        }
        /* c8 ignore next */
        cb?.();
        return ret;
    }
    [BUFFERCONCAT](c) {
        if (c && !this[parse_ABORTED]) {
            this[parse_BUFFER] = this[parse_BUFFER] ? Buffer.concat([this[parse_BUFFER], c]) : c;
        }
    }
    [MAYBEEND]() {
        if (this[ENDED] &&
            !this[EMITTEDEND] &&
            !this[parse_ABORTED] &&
            !this[CONSUMING]) {
            this[EMITTEDEND] = true;
            const entry = this[WRITEENTRY];
            if (entry?.blockRemain) {
                // truncated, likely a damaged file
                const have = this[parse_BUFFER] ? this[parse_BUFFER].length : 0;
                this.warn('TAR_BAD_ARCHIVE', `Truncated input (needed ${entry.blockRemain} more bytes, only ${have} available)`, { entry });
                if (this[parse_BUFFER]) {
                    entry.write(this[parse_BUFFER]);
                }
                entry.end();
            }
            this[EMIT](DONE);
        }
    }
    [CONSUMECHUNK](chunk) {
        if (this[CONSUMING] && chunk) {
            this[BUFFERCONCAT](chunk);
        }
        else if (!chunk && !this[parse_BUFFER]) {
            this[MAYBEEND]();
        }
        else if (chunk) {
            this[CONSUMING] = true;
            if (this[parse_BUFFER]) {
                this[BUFFERCONCAT](chunk);
                const c = this[parse_BUFFER];
                this[parse_BUFFER] = undefined;
                this[CONSUMECHUNKSUB](c);
            }
            else {
                this[CONSUMECHUNKSUB](chunk);
            }
            while (this[parse_BUFFER] &&
                this[parse_BUFFER]?.length >= 512 &&
                !this[parse_ABORTED] &&
                !this[SAW_EOF]) {
                const c = this[parse_BUFFER];
                this[parse_BUFFER] = undefined;
                this[CONSUMECHUNKSUB](c);
            }
            this[CONSUMING] = false;
        }
        if (!this[parse_BUFFER] || this[ENDED]) {
            this[MAYBEEND]();
        }
    }
    [CONSUMECHUNKSUB](chunk) {
        // we know that we are in CONSUMING mode, so anything written goes into
        // the buffer.  Advance the position and put any remainder in the buffer.
        let position = 0;
        const length = chunk.length;
        while (position + 512 <= length && !this[parse_ABORTED] && !this[SAW_EOF]) {
            switch (this[STATE]) {
                case 'begin':
                case 'header':
                    this[CONSUMEHEADER](chunk, position);
                    position += 512;
                    break;
                case 'ignore':
                case 'body':
                    position += this[CONSUMEBODY](chunk, position);
                    break;
                case 'meta':
                    position += this[CONSUMEMETA](chunk, position);
                    break;
                /* c8 ignore start */
                default:
                    throw new Error('invalid state: ' + this[STATE]);
                /* c8 ignore stop */
            }
        }
        if (position < length) {
            this[parse_BUFFER] =
                this[parse_BUFFER] ?
                    Buffer.concat([chunk.subarray(position), this[parse_BUFFER]])
                    : chunk.subarray(position);
        }
    }
    end(chunk, encoding, cb) {
        if (typeof chunk === 'function') {
            cb = chunk;
            encoding = undefined;
            chunk = undefined;
        }
        if (typeof encoding === 'function') {
            cb = encoding;
            encoding = undefined;
        }
        if (typeof chunk === 'string') {
            chunk = Buffer.from(chunk, encoding);
        }
        if (cb)
            this.once('finish', cb);
        if (!this[parse_ABORTED]) {
            if (this[UNZIP]) {
                /* c8 ignore start */
                if (chunk) {
                    this[COMPRESSEDBYTESREAD] += chunk.length;
                    this[UNZIP].write(chunk);
                }
                /* c8 ignore stop */
                this[UNZIP].end();
            }
            else {
                this[ENDED] = true;
                if (this.brotli === undefined || this.zstd === undefined)
                    chunk = chunk || Buffer.alloc(0);
                if (chunk)
                    this.write(chunk);
                this[MAYBEEND]();
            }
        }
        return this;
    }
}
//# sourceMappingURL=parse.js.map
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __nccwpck_require__(8877);
var external_node_v8_default = /*#__PURE__*/__nccwpck_require__.n(external_node_v8_);
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");
var external_node_vm_default = /*#__PURE__*/__nccwpck_require__.n(external_node_vm_namespaceObject);
;// CONCATENATED MODULE: ./src/util/collect-garbage.ts


let collect;
/**
 * Runs a garbage collection now: `minor` for the young generation only (well under a
 * millisecond here), `major` for the whole heap (a few milliseconds: the heap stays small).
 *
 * Why an audit asks for it: stream chunks (file reads, decompressed output) are small JS objects
 * owning a quarter MiB each outside the heap. V8 collects them only when its young generation
 * fills, which tiny objects rarely do, or once outside memory has grown by ~64 MiB; so while a
 * large entry arrived, up to ~40 MiB of dead chunks stayed resident next to it. Where the runtime
 * refuses to expose the collector, this does nothing.
 */
function collectGarbage(type) {
    if (collect === undefined)
        collect = exposeCollector();
    // A bare `gc()` is a forced full collection; measured, `{ type: 'major' }` left the freed chunks
    // resident (~20 MiB more at the bench's peak).
    if (type === 'major')
        collect?.();
    else
        collect?.({ type });
}
function exposeCollector() {
    try {
        // The flag only takes effect in contexts created after it: a new one hands out `gc`
        // without putting it on this context's globals.
        external_node_v8_default().setFlagsFromString('--expose-gc');
        const gc = external_node_vm_default().runInNewContext('gc');
        return typeof gc === 'function' ? gc : null;
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/archive/tar-trailing-data.ts
const BLOCK = 512;
const PAX_SIZE = /(?:^|\n)\d+ size=(\d+)\n/;
/** A pax header longer than this is not read for a `size` record (node-tar caps meta entries too). */
const MAX_PAX_BYTES = 1024 * 1024;
/**
 * Follows a tar stream block by block, beside the parser, to find what the parser never reads:
 * bytes after the end-of-archive marker (two zero blocks). `tar --ignore-zeros` and tools that
 * concatenate archives read on past that marker, so an entry appended there would be extracted
 * without being audited. Only headers are decoded; bodies are skipped by their size (a pax
 * `size` record overrides the header's, as it does for the parser).
 */
class TarTrailingData {
    offset = 0;
    partial;
    /** Bytes of the current body (or padding) still to skip. */
    skip = 0;
    pax;
    paxSize;
    zeroBlocks = 0;
    endOffset;
    /** Offset of the first non-zero byte after the end marker, if any. */
    firstTrailing;
    /** Blocks after the end marker that are not all zeros. */
    trailingBlocks = 0;
    lastTrailingBlock = -1;
    /** Bytes pushed so far: the stream offset where the next chunk starts. */
    get position() {
        return this.offset + (this.partial?.length ?? 0);
    }
    /** The offset just after the end-of-archive marker, once seen. */
    get end() {
        return this.endOffset;
    }
    push(chunk) {
        let data = chunk;
        if (this.partial) {
            data = Buffer.concat([this.partial, chunk]);
            this.partial = undefined;
        }
        let at = 0;
        while (at < data.length) {
            if (this.endOffset !== undefined) {
                this.countTrailing(data.subarray(at));
                this.offset += data.length - at;
                return;
            }
            if (this.skip > 0) {
                const n = Math.min(this.skip, data.length - at);
                if (this.pax)
                    this.collectPax(data.subarray(at, at + n));
                this.skip -= n;
                at += n;
                this.offset += n;
                if (this.skip === 0)
                    this.finishPax();
                continue;
            }
            if (data.length - at < BLOCK) {
                this.partial = data.subarray(at);
                return;
            }
            this.readHeader(data.subarray(at, at + BLOCK));
            at += BLOCK;
            this.offset += BLOCK;
        }
    }
    readHeader(block) {
        if (isZero(block)) {
            if (++this.zeroBlocks === 2)
                this.endOffset = this.offset + BLOCK;
            return;
        }
        this.zeroBlocks = 0;
        const type = String.fromCharCode(block[156]);
        const size = this.paxSize ?? readSize(block);
        this.paxSize = undefined;
        if (size === undefined)
            return; // not a header the parser reads either: it reports it
        const padded = Math.ceil(size / BLOCK) * BLOCK;
        if (type === 'x' && size <= MAX_PAX_BYTES)
            this.pax = { remaining: size, parts: [] };
        this.skip = padded;
        if (padded === 0)
            this.finishPax();
    }
    collectPax(bytes) {
        const pax = this.pax;
        if (!pax || pax.remaining <= 0)
            return;
        const take = bytes.subarray(0, pax.remaining);
        pax.parts.push(take);
        pax.remaining -= take.length;
    }
    finishPax() {
        const pax = this.pax;
        if (!pax)
            return;
        this.pax = undefined;
        const found = PAX_SIZE.exec(Buffer.concat(pax.parts).toString('latin1'));
        if (found)
            this.paxSize = Number(found[1]);
    }
    /** Counts the 512-byte blocks (at their offsets in the stream) that hold a non-zero byte. */
    countTrailing(bytes) {
        for (let i = 0; i < bytes.length;) {
            const offset = this.offset + i;
            const next = Math.min(bytes.length, i + BLOCK - (offset % BLOCK));
            const piece = bytes.subarray(i, next);
            if (!isZero(piece)) {
                this.firstTrailing ??= offset + piece.findIndex((byte) => byte !== 0);
                const block = Math.floor(offset / BLOCK);
                if (block !== this.lastTrailingBlock)
                    this.trailingBlocks++;
                this.lastTrailingBlock = block;
            }
            i = next;
        }
    }
}
const ZERO = Buffer.alloc(BLOCK);
function isZero(block) {
    return block.equals(block.length === BLOCK ? ZERO : ZERO.subarray(0, block.length));
}
/** The size field: octal text, or GNU base-256 (high bit set) for large files. */
function readSize(block) {
    const field = block.subarray(124, 136);
    if (field[0] & 0x80) {
        let size = 0;
        for (let i = 1; i < field.length; i++)
            size = size * 256 + field[i];
        return size;
    }
    const text = field
        .toString('latin1')
        .replace(/[\0 ]+$/, '')
        .trim();
    if (text === '')
        return 0;
    return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

;// CONCATENATED MODULE: ./src/archive/walk-tar.ts







/** Bytes read between young collections: bounds the dead chunks held in memory at once. */
const COLLECT_EVERY_BYTES = 4 * 1024 * 1024;
/**
 * Around an entry this large, full collections: before the rules read it, to drop the garbage of
 * reading it; after, to drop it and what the rules made of it. A few milliseconds each.
 */
const LARGE_ENTRY_BYTES = 8 * 1024 * 1024;
const TAR_KINDS = {
    File: 'file',
    OldFile: 'file',
    ContiguousFile: 'file',
    Directory: 'directory',
    GNUDumpDir: 'directory',
    SymbolicLink: 'symlink',
    Link: 'hardlink'
};
const TAR_SPECIAL = {
    CharacterDevice: 'character device',
    BlockDevice: 'block device',
    FIFO: 'FIFO'
};
/**
 * Streams a tar through node-tar's Parser. Entries that complete during one `write` are queued and
 * emitted (nested archives walked) before the next chunk is written: walk order, backpressure and
 * memory (one chunk's entries plus the entry being read) all stay bounded.
 */
async function walkTar(chunks, scope) {
    const { ctx } = scope;
    const steps = [];
    const invalid = [];
    let sawEntry = false; // or the two zero blocks of an empty archive
    let sourceFailed = false;
    let unrecognized = false;
    const parser = new Parser({
        strict: false,
        zstd: false,
        onwarn: (code, message, data) => {
            if (code === 'TAR_ENTRY_INVALID')
                invalid.push(message);
            else if (/^Truncated input/.test(message)) {
                // after a failed gzip/zstd stream the cut is already reported
                if (!sourceFailed)
                    steps.push(() => reportTruncated(scope, data.entry));
            }
            else if (/unrecognized archive format/i.test(message)) {
                unrecognized = !sawEntry && !sourceFailed;
            }
            else {
                steps.push(() => ctx.report('archive/unreadable', scope.where, `${describeContainer(scope)}: ${message}`));
            }
        }
    });
    const listen = (reader, afterEnd) => {
        // abort() always emits 'error' (TAR_ABORT); it is only ever our own stop.
        reader.on('error', () => undefined);
        reader.on('entry', (entry) => {
            sawEntry = true;
            if (afterEnd)
                entriesAfterEnd++;
            readEntry(entry, scope, steps, afterEnd);
        });
        reader.on('ignoredEntry', (entry) => {
            sawEntry = true;
            steps.push(() => emitIgnored(entry, scope));
        });
        return reader;
    };
    listen(parser, false);
    const trailing = new TarTrailingData();
    let sawEnd = false;
    parser.on('eof', () => (sawEnd = true));
    /** Reads on past the end marker, as `tar --ignore-zeros` does; its warnings add nothing. */
    let afterEnd;
    let entriesAfterEnd = 0;
    let previous;
    const drain = async () => {
        for (let step = steps.shift(); step; step = steps.shift())
            await step();
    };
    let sinceCollect = 0;
    try {
        for await (const chunk of chunks) {
            if (!sawEntry && isEmptyTar(chunk))
                sawEntry = true;
            const chunkStart = trailing.position;
            parser.write(chunk);
            trailing.push(chunk);
            if (afterEnd)
                afterEnd.write(chunk);
            else if (sawEnd && trailing.firstTrailing !== undefined) {
                afterEnd = listen(new Parser({ strict: false, zstd: false }), true);
                afterEnd.write(fromBlock(trailing.firstTrailing, chunkStart, chunk, previous));
            }
            previous = chunk;
            sinceCollect += chunk.length;
            if (sinceCollect >= COLLECT_EVERY_BYTES) {
                sinceCollect = 0;
                collectGarbage('minor');
            }
            if (steps.length > 0)
                await drain();
            if (ctx.stopped) {
                parser.abort(new Error('walk stopped'));
                afterEnd?.abort(new Error('walk stopped'));
                return;
            }
        }
    }
    catch (error) {
        if (!(error instanceof ArchiveReadError))
            throw error;
        sourceFailed = true;
        steps.push(() => ctx.report(error.rule, scope.where, error.message, error.details));
    }
    parser.end(); // flushes an entry cut short, with a "truncated" warning
    afterEnd?.end();
    await drain();
    if (ctx.stopped)
        return;
    if (sawEnd && trailing.firstTrailing !== undefined)
        reportTrailing(scope, trailing, entriesAfterEnd);
    if (unrecognized) {
        const blocks = invalid.length > 0 ? ` (${plural(invalid.length, 'corrupt header block')})` : '';
        ctx.report('archive/unreadable', scope.where, `${describeContainer(scope)} looks like a tar archive but holds no readable entry${blocks}`);
    }
    else if (invalid.length > 0) {
        ctx.report('archive/unreadable', scope.where, `${describeContainer(scope)}: ${plural(invalid.length, 'corrupt tar header block')} skipped (${invalid[0]}); entries there were not audited`, { invalidBlocks: invalid.length });
    }
}
function readEntry(entry, scope, steps, afterEnd = false) {
    const kind = TAR_KINDS[entry.type] ?? 'other';
    const member = { name: entry.path, kind, size: entry.size };
    if (afterEnd) {
        addProblem(member, {
            rule: 'archive/unreadable',
            message: `entry '${entry.path}' comes after the end-of-archive marker: \`tar --ignore-zeros\` and tools that join archives extract it, plain \`tar -x\` does not; it was audited as found there`
        });
    }
    if (entry.linkpath) {
        member.linkTarget = entry.linkpath;
        member.linkFrom = kind === 'hardlink' ? 'root' : 'link';
    }
    const { ctx } = scope;
    if (kind !== 'file' || ctx.stopped || entry.size > ctx.limits.maxEntryBytes) {
        if (kind === 'file' && !ctx.stopped)
            addProblem(member, tooLargeProblem(scope, entry.path, entry.size));
        const special = TAR_SPECIAL[entry.type];
        if (special)
            addProblem(member, specialFileProblem(entry.path, special));
        entry.resume();
        steps.push(() => emitMember(scope, member));
        return;
    }
    // the size is declared, but the parser never hands over more than it: preallocating is safe
    let content = Buffer.allocUnsafe(entry.size);
    let received = 0;
    entry.on('data', (chunk) => {
        if (content)
            chunk.copy(content, received);
        received += chunk.length;
    });
    entry.on('end', () => {
        steps.push(async () => {
            if (!content || !ctx.admitBytes(scope.prefix + entry.path, received))
                return;
            const large = received >= LARGE_ENTRY_BYTES;
            if (large)
                collectGarbage('major');
            member.content = received === content.length ? content : content.subarray(0, received);
            await emitMember(scope, member);
            if (!large)
                return;
            // V8 frees a large dead entry only at its next full collection, which could come long after
            content = undefined;
            delete member.content;
            collectGarbage('major');
        });
    });
}
function emitIgnored(entry, scope) {
    if (entry.meta) {
        scope.ctx.report('archive/unreadable', scope.where, `${describeContainer(scope)}: an oversized ${entry.type} header (${entry.size} bytes) was skipped, so the names or sizes of the entries after it may be wrong`);
        return;
    }
    const problems = [];
    if (entry.type === 'SparseFile') {
        problems.push({
            rule: 'archive/unreadable',
            message: `GNU sparse file '${entry.path}' cannot be read; its content was not inspected`
        });
    }
    else if (entry.size > 0) {
        // an unknown type (GNU tar extracts it as a regular file), a multi-volume continuation…
        const type = entry.type === 'Unsupported' ? 'an unknown entry type' : `the ${entry.type} type`;
        problems.push({
            rule: 'archive/unreadable',
            message: `entry '${entry.path}' has ${type}, which tar may still extract as a regular file; its ${plural(entry.size, 'byte')} were not inspected`,
            details: { type: entry.type }
        });
    }
    return emitMember(scope, { name: entry.path, kind: 'other', size: entry.size, problems });
}
function reportTrailing(scope, trailing, entries) {
    const from = trailing.firstTrailing ?? 0;
    const audited = entries > 0
        ? `it was read on as tar (${plural(entries, 'entry', 'entries')}, listed after the others) and audited`
        : 'it holds no tar entry this reader can read, so it was not audited';
    scope.ctx.report('archive/unreadable', scope.where, `${describeContainer(scope)} has data after its end-of-archive marker (${plural(trailing.trailingBlocks, 'non-zero block')} from byte ${from}): \`tar --ignore-zeros\` and tools that join archives read on and would extract what is there; ${audited}`, {
        endOfArchive: trailing.end,
        firstTrailingByte: from,
        trailingBlocks: trailing.trailingBlocks,
        entriesAfterEnd: entries
    });
}
/**
 * The bytes from the 512-byte block holding stream offset `offset` on: from `chunk` (which starts
 * at `chunkStart`), with the end of the chunk before it when the block began there.
 */
function fromBlock(offset, chunkStart, chunk, previous) {
    const blockStart = offset - (offset % 512);
    if (blockStart >= chunkStart)
        return chunk.subarray(blockStart - chunkStart);
    const missing = chunkStart - blockStart;
    return previous ? Buffer.concat([previous.subarray(previous.length - missing), chunk]) : chunk;
}
function reportTruncated(scope, entry) {
    const where = entry ? `: entry '${entry.path}' is cut short` : '';
    scope.ctx.report('archive/unreadable', scope.where, `${describeContainer(scope)} is truncated${where}; only the bytes present were inspected`);
}
function describeContainer(scope) {
    return scope.where ? `'${scope.where}'` : `'${scope.name}'`;
}

;// CONCATENATED MODULE: ./src/archive/walk-compressed.ts






/** A gzip or zstd stream: a tar inside (`.tgz`) is walked as one, anything else is a single member. */
async function walkCompressed(source, format, scope) {
    const chunks = decompressChunks(source, format, scope.ctx.limits.maxRatio);
    const { head, rest } = await peekBytes(chunks, 2 * detect_format_HEAD_BYTES); // two blocks: an empty tar is two zero blocks
    if (isTarHeader(head) || isEmptyTar(head))
        return walkTar(rest, scope);
    await walkSingle(rest, format, scope);
}
async function walkSingle(chunks, format, scope) {
    const { ctx } = scope;
    const name = payloadName(scope.name);
    const max = ctx.limits.maxEntryBytes;
    const parts = [];
    let size = 0;
    let failure;
    try {
        for await (const chunk of chunks) {
            size += chunk.length;
            if (size > max)
                break;
            parts.push(chunk);
        }
    }
    catch (error) {
        if (!(error instanceof ArchiveReadError))
            throw error;
        failure = error;
    }
    const problems = [];
    if (size > max) {
        problems.push({
            rule: 'archive/limit',
            message: `the ${format} payload '${name}' decompresses to more than the per-entry limit of ${formatBytes(max)}; its content was not inspected`,
            details: { limit: 'maxEntryBytes', max }
        });
        await emitMember(scope, { name, kind: 'file', size, problems });
    }
    else if (ctx.admitBytes(scope.prefix + name, size)) {
        await emitMember(scope, {
            name,
            kind: 'file',
            size,
            content: Buffer.concat(parts, size),
            problems
        });
    }
    if (failure)
        ctx.report(failure.rule, scope.where, failure.message, failure.details);
}
/** `notes.txt.gz` → `notes.txt`, `pkg.tgz` → `pkg.tar`; a name without a known suffix stays as it is. */
function payloadName(container) {
    const name = container.replace(/\.(gz|gzip|z|zst|zstd)$/i, '').replace(/\.(tgz|tzst)$/i, '.tar');
    return name === '' ? container : name;
}
/**
 * Reads until `length` bytes (or the end) are buffered; `rest` replays them, then continues the
 * same iteration, rethrowing a failure met while peeking once the bytes before it are consumed.
 */
async function peekBytes(chunks, length) {
    const seen = [];
    let seenBytes = 0;
    let failure;
    let done = false;
    try {
        while (seenBytes < length) {
            const next = await chunks.next();
            if (next.done) {
                done = true;
                break;
            }
            seen.push(next.value);
            seenBytes += next.value.length;
        }
    }
    catch (error) {
        failure = error; // rethrown as it came, once the bytes before it are replayed
        done = true;
    }
    async function* rest() {
        try {
            yield* seen;
            if (failure !== undefined)
                throw failure;
            if (!done)
                yield* chunks;
        }
        finally {
            await chunks.return(undefined); // closes the decompressor and the file even when the reader stops early
        }
    }
    return { head: Buffer.concat(seen, seenBytes).subarray(0, length), rest: rest() };
}

;// CONCATENATED MODULE: ./src/archive/zip-entry-data.ts

const LOCAL_HEADER_BYTES = 30;
/**
 * Whether a whole local header (`PK\x03\x04`) stands at `at`. Byte by byte, with no slice or
 * bounds-checked read: the zip checks run it for every member of every zip.
 */
function isLocalHeaderAt(bytes, at) {
    return (at + LOCAL_HEADER_BYTES <= bytes.length &&
        bytes[at] === 0x50 &&
        bytes[at + 1] === 0x4b &&
        bytes[at + 2] === 0x03 &&
        bytes[at + 3] === 0x04);
}
/*
 * The functions below also run inside the inflate worker, which is built from their source text:
 * they must stay self-contained (no imports, no names from outside, zlib passed in).
 */
/** Where the member's data starts, from its 30-byte local header, or why it cannot be read. */
function locateData(header, job) {
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50)
        return { code: 'no-header' };
    const start = job.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + job.compressedSize;
    if (end > job.fileSize)
        return { code: 'truncated' };
    if (end > job.limit || job.shared)
        return { code: 'overlap' };
    return start;
}
/**
 * An inflater that keeps one zlib engine for every member and writes into the caller's buffer, as
 * `zlib.inflateRawSync` does inside: that call builds a stream object per member and copies its
 * output, which over 20,000 small members was a third of the inflating. The engine is reset after
 * each member and replaced after a failure (zlib closes it). Where the engine lacks the parts
 * Node's synchronous calls use (another runtime), each member goes through `inflateRawSync`.
 */
function createInflater(z) {
    let engine;
    return (compressed, out) => {
        if (engine === undefined) {
            engine = z.createInflateRaw();
            engine.on('error', () => undefined); // read from `errored` below; the event would be uncaught
        }
        const handle = engine._handle;
        const state = engine._writeState;
        if (typeof handle?.writeSync !== 'function' || !ArrayBuffer.isView(state)) {
            try {
                const data = z.inflateRawSync(compressed, { maxOutputLength: out.length });
                return data.copy(out);
            }
            catch (error) {
                const { code, message } = error;
                if (code === 'ERR_BUFFER_TOO_LARGE')
                    return out.length;
                return { code: 'corrupt', detail: String(message) };
            }
        }
        handle.writeSync(z.constants.Z_FINISH, compressed, 0, compressed.length, out, 0, out.length);
        if (engine.destroyed) {
            const detail = String(engine.errored?.message);
            engine = undefined;
            return { code: 'corrupt', detail };
        }
        handle.reset();
        return out.length - state[0];
    };
}
/**
 * Inflates (or takes) the data, never past the declared size, and checks its CRC-32. Inflated
 * bytes go to `allocate(declared size + 1)`, the extra byte to see whether the data runs over.
 */
function decodeData(z, inflate, compressed, job, allocate = (bytes) => Buffer.allocUnsafe(bytes)) {
    let data;
    const size = job.uncompressedSize;
    if (job.method === 0) {
        if (job.compressedSize !== size)
            return { failure: { code: 'stored-sizes' } };
        data = compressed;
    }
    else if (job.method === 8) {
        const out = allocate(size + 1);
        const written = inflate(compressed, out);
        if (typeof written !== 'number')
            return { failure: written };
        if (written > size)
            return { failure: { code: 'too-large' } };
        if (written !== size)
            return { failure: { code: 'size', actual: written } };
        data = out.subarray(0, size);
    }
    else {
        return { failure: { code: 'method' } };
    }
    const crcOk = typeof z.crc32 !== 'function' || z.crc32(data) === job.crc32;
    return { data, crcOk };
}
const METHOD_NAMES = {
    1: 'shrink',
    6: 'implode',
    9: 'deflate64',
    12: 'bzip2',
    14: 'LZMA',
    19: 'LZ77',
    93: 'zstd',
    95: 'xz',
    98: 'PPMd',
    99: 'AES'
};
/** Why a member's content was not read, in words. */
function zip_entry_data_describeFailure(failure, job) {
    switch (failure.code) {
        case 'no-header':
            return `no local header at offset ${job.localHeaderOffset}`;
        case 'truncated':
            return 'its data runs past the end of the file (truncated zip)';
        case 'overlap':
            return "its data overlaps another entry's (a zip-bomb technique)";
        case 'stored-sizes':
            return 'stored sizes disagree';
        case 'too-large':
            return `it inflates to more than its declared ${formatBytes(job.uncompressedSize)}`;
        case 'corrupt':
            return `corrupt deflate data (${failure.detail})`;
        case 'size':
            return `it inflates to ${failure.actual} bytes, not the declared ${job.uncompressedSize}`;
        case 'method': {
            const name = METHOD_NAMES[job.method];
            return `unsupported compression method ${job.method}${name ? ` (${name})` : ''}`;
        }
    }
}

;// CONCATENATED MODULE: ./src/archive/inflate-worker.ts




/** Small results travel together in batches of this size: one message per batch, not per entry. */
const BATCH_BYTES = 512 * 1024;
/** The worker waits while this many KiB of inflated data sit unread on the main thread. */
const MAX_PENDING_KIB = 8 * 1024;
/**
 * Once paused, the worker goes on only when the main thread is down to this much: each wake-up
 * cost the main thread about a millisecond (measured on a busy 2-core machine), so they are few.
 */
const RESUME_PENDING_KIB = MAX_PENDING_KIB / 2;
/** Read data is taken off the worker's count in steps of this size, not one Atomics call each. */
const RELEASE_KIB = 256;
const JOB_FIELDS = 8;
/** What `poll` answers for a job this thread is to read itself. */
const READ_HERE = 'read here';
/**
 * Inflates zip members on a worker thread while the main thread emits the ones before them: for
 * a zip of many small files, zlib's per-call cost otherwise doubles the walk. The zip bytes are
 * shared, results come back in order in transferred batches, and the worker pauses when the main
 * thread falls MAX_PENDING_KIB behind, until it is down to RESUME_PENDING_KIB. Jobs are claimed
 * from a shared counter: a job the worker has not reached yet (while it starts, ~50 ms) is read
 * by the main thread itself, and so is every job left when the worker fails.
 */
class InflateWorker {
    zip;
    worker;
    /** By job index; a slot is cleared when taken. */
    results = [];
    unread = 0;
    pending = new Int32Array(new SharedArrayBuffer(4));
    /** The next job nobody has claimed. */
    claims = new Int32Array(new SharedArrayBuffer(4));
    waiting;
    finished = false;
    done;
    markDone = () => undefined;
    /** KiB taken since the worker was last told. */
    readKiB = 0;
    constructor(zip, jobs, source = inflate_worker_WORKER_SOURCE) {
        this.zip = zip;
        this.worker = new external_node_worker_threads_namespaceObject.Worker(source, {
            eval: true,
            workerData: {
                zip: zip.buffer,
                jobs: packJobs(jobs),
                pending: this.pending.buffer,
                claims: this.claims.buffer,
                batchBytes: BATCH_BYTES,
                shareableBytes: GUNZIP_WORKER_MIN_BYTES,
                maxPending: MAX_PENDING_KIB,
                resumePending: RESUME_PENDING_KIB
            }
        });
        this.done = new Promise((resolve) => (this.markDone = resolve));
        this.worker.on('message', (message) => this.receive(message));
        this.worker.on('error', () => this.finish());
        this.worker.on('exit', () => this.finish());
    }
    /** Job `index`'s result, or READ_HERE; `index` counts up from 0 by one each call. */
    async result(index) {
        for (let result = this.poll(index);; result = this.poll(index)) {
            if (result !== undefined)
                return result;
            await new Promise((wake) => (this.waiting = { index, wake }));
        }
    }
    /**
     * `result` without the wait (one promise per entry adds up over 20,000 small files): undefined
     * while the worker is on the job.
     */
    poll(index) {
        const result = this.results[index];
        if (result === undefined) {
            if (this.finished || Atomics.compareExchange(this.claims, 0, index, index + 1) === index) {
                return READ_HERE;
            }
            return undefined;
        }
        this.results[index] = undefined;
        this.unread--;
        if ('data' in result && result.data.buffer !== this.zip.buffer) {
            this.readKiB += Math.ceil(result.data.length / 1024);
        }
        // all caught up: the worker must hear of everything before this thread waits for it
        if (this.readKiB >= RELEASE_KIB || (this.readKiB > 0 && this.unread === 0))
            this.release();
        return result;
    }
    /** Tells the worker how much it may inflate again, waking it only if that lets it go on. */
    release() {
        releaseBacklog(this.pending, this.readKiB, RESUME_PENDING_KIB);
        this.readKiB = 0;
    }
    /** Resolves once the worker has sent all it will send, or failed. */
    settled() {
        return this.done;
    }
    async close() {
        this.finished = true;
        await this.worker.terminate();
    }
    receive(message) {
        if (message.done)
            return this.finish();
        for (const item of message.items ?? []) {
            if (item[1] === 'failure') {
                this.store(item[0], item[2]);
                continue;
            }
            const [index, where, offset, length, crcOk] = item;
            const bytes = where === 'zip' ? this.zip.buffer : where === 'batch' ? message.batch : message.own;
            this.store(index, { data: Buffer.from(bytes, offset, length), crcOk });
        }
        this.wake();
    }
    store(index, result) {
        this.results[index] = result;
        this.unread++;
    }
    finish() {
        this.finished = true;
        this.markDone();
        this.wake();
    }
    wake() {
        const waiting = this.waiting;
        if (waiting && (this.finished || this.results[waiting.index] !== undefined)) {
            this.waiting = undefined;
            waiting.wake();
        }
    }
}
/** Shares the zip with a worker: bytes already in a SharedArrayBuffer are used as they are. */
function toSharedBuffer(data) {
    if (data.buffer instanceof SharedArrayBuffer)
        return data;
    const shared = Buffer.from(new SharedArrayBuffer(data.length));
    data.copy(shared);
    return shared;
}
function packJobs(jobs) {
    const packed = new Float64Array(jobs.length * JOB_FIELDS);
    jobs.forEach((job, i) => {
        packed.set([
            job.localHeaderOffset,
            job.compressedSize,
            job.uncompressedSize,
            job.method,
            job.crc32,
            job.limit,
            job.shared ? 1 : 0,
            job.fileSize
        ], i * JOB_FIELDS);
    });
    return packed;
}
// Plain JS run with `eval: true`, so it needs no file of its own in the bundle; it reuses
// locateData, createInflater, decodeData and sendWithin through their source text. Inflated bytes are written
// straight into the batch (or, for a large member, a buffer of its own that is transferred).
const inflate_worker_WORKER_SOURCE = `'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const zlib = require('node:zlib')
const locateData = ${locateData.toString()}
const createInflater = ${createInflater.toString()}
const decodeData = ${decodeData.toString()}
const inflate = createInflater(zlib)
const { jobs, batchBytes, shareableBytes, maxPending, resumePending } = workerData
const zip = Buffer.from(workerData.zip)
const pending = new Int32Array(workerData.pending)
const claims = new Int32Array(workerData.claims)
let batch = Buffer.allocUnsafe(batchBytes)
let used = 0
let items = []
let itemsKiB = 0
const sendWithin = ${sendWithin.toString()}
function send(message, transfer, kib) {
  sendWithin(parentPort, pending, maxPending, resumePending, message, transfer, kib)
}
/**
 * Room for a member's inflated bytes: the rest of the batch, or a buffer of its own when large,
 * shared when large enough to be gunzipped on a worker in turn (see allocateShareable).
 */
function allocate(bytes) {
  if (bytes >= shareableBytes) return Buffer.from(new SharedArrayBuffer(bytes))
  if (bytes > batchBytes / 4) return Buffer.allocUnsafeSlow(bytes)
  if (used + bytes > batchBytes) flush()
  return batch.subarray(used, used + bytes)
}
// the first batches are small, so the main thread, which read the jobs before, soon has work again
let batchItems = 16
function flush() {
  if (items.length === 0) return
  batchItems = Math.min(256, batchItems * 2)
  send({ batch: batch.buffer, items }, [batch.buffer], itemsKiB)
  batch = Buffer.allocUnsafe(batchBytes)
  used = 0
  items = []
  itemsKiB = 0
}
const jobCount = jobs.length / ${JOB_FIELDS}
for (;;) {
  if (items.length >= batchItems) flush() // before claiming: a worker paused in send holds no job
  const i = Atomics.add(claims, 0, 1)
  if (i >= jobCount) break
  const f = jobs.subarray(i * ${JOB_FIELDS}, (i + 1) * ${JOB_FIELDS})
  const job = { localHeaderOffset: f[0], compressedSize: f[1], uncompressedSize: f[2], method: f[3], crc32: f[4], limit: f[5], shared: f[6] === 1, fileSize: f[7] }
  const start = locateData(zip.subarray(job.localHeaderOffset, job.localHeaderOffset + 30), job)
  if (typeof start !== 'number') {
    items.push([i, 'failure', { failure: start }])
    continue
  }
  const result = decodeData(zlib, inflate, zip.subarray(start, start + job.compressedSize), job, allocate)
  if (result.failure) {
    items.push([i, 'failure', result])
    continue
  }
  const { data, crcOk } = result
  if (data.buffer === zip.buffer) {
    items.push([i, 'zip', data.byteOffset, data.length, crcOk])
  } else if (data.buffer !== batch.buffer) {
    flush()
    const transfer = data.buffer instanceof SharedArrayBuffer ? [] : [data.buffer]
    send({ own: data.buffer, items: [[i, 'own', data.byteOffset, data.length, crcOk]] }, transfer, Math.ceil(data.length / 1024))
  } else {
    items.push([i, 'batch', used, data.length, crcOk])
    used += data.length
    itemsKiB += Math.ceil(data.length / 1024)
  }
}
flush()
parentPort.postMessage({ done: true })
`;

;// CONCATENATED MODULE: ./src/archive/zip-names.ts

const UTF8_FLAG = 0x0800;
const UNICODE_PATH_EXTRA = 0x7075;
// The upper half of code page 437, the encoding of zip names without the UTF-8 flag.
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
/**
 * A zip entry name as the archiver meant it: UTF-8 when general-purpose bit 11 says so, else the
 * Info-ZIP Unicode Path extra field when its CRC matches the raw name, else CP437.
 */
function decodeZipName(raw, flags, extra) {
    if (flags & UTF8_FLAG)
        return raw.toString('utf8');
    const unicode = readUnicodePath(raw, extra);
    if (unicode !== undefined)
        return unicode;
    return decodeCp437(raw);
}
function decodeCp437(raw) {
    let text = '';
    for (const byte of raw)
        text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
    return text;
}
/** Extra fields are `id(2) size(2) data(size)` records. */
function findExtraField(extra, id) {
    for (let at = 0; at + 4 <= extra.length;) {
        const fieldId = extra.readUInt16LE(at);
        const size = extra.readUInt16LE(at + 2);
        if (fieldId === id)
            return extra.subarray(at + 4, Math.min(extra.length, at + 4 + size));
        at += 4 + size;
    }
    return undefined;
}
function readUnicodePath(raw, extra) {
    const field = findExtraField(extra, UNICODE_PATH_EXTRA);
    if (!field || field.length < 5 || field[0] !== 1)
        return undefined;
    if (typeof (external_node_zlib_default()).crc32 === 'function' && field.readUInt32LE(1) !== external_node_zlib_default().crc32(raw))
        return undefined;
    return field.subarray(5).toString('utf8');
}

;// CONCATENATED MODULE: ./src/archive/zip-directory.ts

/** The zip cannot be listed at all (no or unreadable end-of-central-directory record). */
class ZipFormatError extends Error {
    name = 'ZipFormatError';
}
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_BYTES = 56;
const ZIP64_EXTRA = 0x0001;
const RECORD_SIGNATURE = 0x02014b50;
const RECORD_BYTES = 46;
/** Reads the central directory; `maxRecords` bounds the work for a directory that claims millions. */
async function readZipDirectory(reader, maxRecords) {
    const { eocdOffset, eocd } = await findEndRecord(reader);
    if (eocd.readUInt16LE(4) !== 0 || eocd.readUInt16LE(6) !== 0) {
        throw new ZipFormatError('multi-disk (spanned) zip archives are not supported');
    }
    let count = eocd.readUInt16LE(10);
    let size = eocd.readUInt32LE(12);
    let offset = eocd.readUInt32LE(16);
    const zip64 = await readZip64End(reader, eocdOffset);
    if (zip64)
        ({ count, size, offset } = zip64);
    if (offset + size > eocdOffset) {
        throw new ZipFormatError(`the central directory (${size} bytes at offset ${offset}) lies outside the file: truncated or corrupt zip`);
    }
    const directory = await reader.read(offset, size);
    const records = [];
    let at = 0;
    for (let i = 0; i < count && records.length < maxRecords; i++) {
        if (at + RECORD_BYTES > directory.length || directory.readUInt32LE(at) !== RECORD_SIGNATURE) {
            return {
                records,
                directoryOffset: offset,
                damage: `central directory record ${i + 1} of ${count} is corrupt`
            };
        }
        const nameLength = directory.readUInt16LE(at + 28);
        const extraLength = directory.readUInt16LE(at + 30);
        const commentLength = directory.readUInt16LE(at + 32);
        const end = at + RECORD_BYTES + nameLength + extraLength + commentLength;
        if (end > directory.length) {
            return {
                records,
                directoryOffset: offset,
                damage: `central directory record ${i + 1} of ${count} is cut short`
            };
        }
        records.push(parseRecord(directory, at, nameLength, extraLength));
        at = end;
    }
    return { records, directoryOffset: offset };
}
function parseRecord(directory, at, nameLength, extraLength) {
    const flags = directory.readUInt16LE(at + 8);
    const rawName = directory.subarray(at + RECORD_BYTES, at + RECORD_BYTES + nameLength);
    const extra = directory.subarray(at + RECORD_BYTES + nameLength, at + RECORD_BYTES + nameLength + extraLength);
    const record = {
        name: decodeZipName(rawName, flags, extra),
        rawName,
        flags,
        method: directory.readUInt16LE(at + 10),
        crc32: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
        externalAttributes: directory.readUInt32LE(at + 38)
    };
    applyZip64Extra(record, extra);
    return record;
}
/** Sizes and offset saturated at 0xFFFFFFFF continue, in that order, in the zip64 extra field. */
function applyZip64Extra(record, extra) {
    const field = findExtraField(extra, ZIP64_EXTRA);
    if (!field)
        return;
    let at = 0;
    const next = (current) => {
        if (current !== 0xffffffff || at + 8 > field.length)
            return current;
        const value = Number(field.readBigUInt64LE(at));
        at += 8;
        return value;
    };
    record.uncompressedSize = next(record.uncompressedSize);
    record.compressedSize = next(record.compressedSize);
    record.localHeaderOffset = next(record.localHeaderOffset);
}
async function findEndRecord(reader) {
    const tailStart = Math.max(0, reader.size - EOCD_BYTES - MAX_COMMENT_BYTES);
    const tail = await reader.read(tailStart, reader.size - tailStart);
    for (let at = tail.length - EOCD_BYTES; at >= 0; at--) {
        if (tail.readUInt32LE(at) !== EOCD_SIGNATURE)
            continue;
        const commentLength = tail.readUInt16LE(at + 20);
        if (at + EOCD_BYTES + commentLength <= tail.length) {
            return { eocdOffset: tailStart + at, eocd: tail.subarray(at, at + EOCD_BYTES) };
        }
    }
    throw new ZipFormatError('no end-of-central-directory record: the zip is truncated or corrupt');
}
async function readZip64End(reader, eocdOffset) {
    if (eocdOffset < ZIP64_LOCATOR_BYTES)
        return undefined;
    const locator = await reader.read(eocdOffset - ZIP64_LOCATOR_BYTES, ZIP64_LOCATOR_BYTES);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE)
        return undefined;
    const at = Number(locator.readBigUInt64LE(8));
    const record = await reader.read(at, ZIP64_EOCD_BYTES);
    if (record.length < ZIP64_EOCD_BYTES || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
        throw new ZipFormatError('the zip64 end-of-central-directory record is missing or corrupt');
    }
    return {
        count: Number(record.readBigUInt64LE(32)),
        size: Number(record.readBigUInt64LE(40)),
        offset: Number(record.readBigUInt64LE(48))
    };
}

;// CONCATENATED MODULE: ./src/archive/zip-local-name.ts



/**
 * A member whose local header names it differently from the central directory: extractors that
 * stream through local headers (Java's `ZipInputStream`, streaming unzip libraries) write it
 * under the other name, which this audit never saw as a path. An unsafe local name is an
 * unsafe path; any other difference is reported as an inconsistent archive.
 */
function checkLocalName(data, record) {
    return compareNames(data, record.localHeaderOffset, record);
}
/** `checkLocalName` for a zip read at offsets: the header and name come from the file. */
async function checkLocalNameAt(reader, record) {
    // one read covers the header and a name as long as the directory's: the usual case
    const head = await reader.read(record.localHeaderOffset, LOCAL_HEADER_BYTES + record.rawName.length);
    if (!isLocalHeaderAt(head, 0))
        return undefined;
    const length = head.readUInt16LE(26);
    if (head.length >= LOCAL_HEADER_BYTES + length)
        return compareNames(head, 0, record);
    const name = await reader.read(record.localHeaderOffset + LOCAL_HEADER_BYTES, length);
    return compareNames(Buffer.concat([head.subarray(0, LOCAL_HEADER_BYTES), name]), 0, record);
}
/**
 * `bytes` holds the local header at `at`, and at least its name. Read byte by byte, without a
 * slice or a bounds-checked read per member: this runs for every member of every zip.
 */
function compareNames(bytes, at, record) {
    // a missing local header is reported when the data is read
    if (!isLocalHeaderAt(bytes, at))
        return undefined;
    const length = bytes[at + 26] | (bytes[at + 27] << 8);
    if (sameBytes(bytes, at + LOCAL_HEADER_BYTES, length, record.rawName)) {
        return compareMethods(bytes[at + 8] | (bytes[at + 9] << 8), record);
    }
    const header = bytes.subarray(at, at + LOCAL_HEADER_BYTES + length);
    const raw = header.subarray(LOCAL_HEADER_BYTES);
    const local = decodeZipName(raw, header.readUInt16LE(6), Buffer.alloc(0));
    const unsafe = describeUnsafePath(local);
    const named = `entry '${record.name}' is named '${local}' in its local header`;
    return unsafe
        ? {
            rule: 'archive/unsafe-path',
            message: `${named}, an unsafe path (${unsafe}): extractors that read local headers could write outside the target folder`,
            details: { localName: local }
        }
        : {
            rule: 'archive/unreadable',
            message: `${named}: extractors that read local headers write it under that name, which was not audited as a path; its content was audited as '${record.name}'`,
            details: { localName: local }
        };
}
/**
 * A local header that names another compression method than the directory: extractors that read
 * local headers decode the data differently, so what they extract is not what was audited.
 */
function compareMethods(method, record) {
    if (method === record.method)
        return undefined;
    return {
        rule: 'archive/unreadable',
        message: `entry '${record.name}' has compression method ${method} in its local header and ${record.method} in the central directory: extractors that read local headers decode other bytes than the ones audited`,
        details: { localMethod: method, method: record.method }
    };
}
/**
 * Whether `bytes[from, from + length)` equals `expected`. A plain loop: names are short, and
 * `Buffer#equals` crosses into C++ (~0.6 µs a call, 12 ms over 20,000 members).
 */
function sameBytes(bytes, from, length, expected) {
    if (length !== expected.length || from + length > bytes.length)
        return false;
    for (let i = 0; i < length; i++)
        if (bytes[from + i] !== expected[i])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/archive/zip-unlisted.ts


const LOCAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Of a gap between members, at most this much is searched for hidden headers. */
const GAP_SEARCH_BYTES = 16 * 1024 * 1024;
const MAX_NAME_BYTES = 4096;
const METHODS = new Set([0, 8, 9, 12, 14, 93, 95, 99]);
/**
 * Local headers in the gaps between the members the central directory lists (and before the
 * directory itself). `unzip` and this audit go by the directory, but extractors that stream
 * through local headers (Java's `ZipInputStream`, streaming unzip libraries) extract every
 * entry they meet, so an unlisted one would ship unaudited.
 */
async function findUnlistedEntries(reader, records, directoryOffset) {
    const data = reader.data;
    // in memory, every read is a slice: no promise per member (20,000 of them cost ~40 ms)
    const read = data
        ? (offset, length) => data.subarray(offset, offset + length)
        : (offset, length) => reader.read(offset, length);
    const ordered = isAscending(records)
        ? records
        : [...records].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
    const found = [];
    let from = 0;
    for (let i = 0; i <= ordered.length; i++) {
        const start = i < ordered.length ? ordered[i].localHeaderOffset : directoryOffset;
        // a data descriptor (at most 24 bytes) fits in a smaller gap; a local header does not
        if (start - from > LOCAL_HEADER_BYTES)
            found.push(...(await searchGap(read, from, start)));
        if (i === ordered.length)
            break;
        const lengths = data
            ? headerLengths(data, start)
            : headerLengths(await read(start, LOCAL_HEADER_BYTES), 0);
        from = Math.max(from, start + LOCAL_HEADER_BYTES + lengths + ordered[i].compressedSize);
    }
    return found;
}
function isAscending(records) {
    for (let i = 1; i < records.length; i++) {
        if (records[i].localHeaderOffset < records[i - 1].localHeaderOffset)
            return false;
    }
    return true;
}
/** Name and extra-field lengths of the local header at `at`; 0 where there is none. */
function headerLengths(bytes, at) {
    if (!isLocalHeaderAt(bytes, at))
        return 0;
    return (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
}
async function searchGap(read, from, to) {
    const gap = await read(from, Math.min(to - from, GAP_SEARCH_BYTES));
    const found = [];
    let at = gap.indexOf(LOCAL_SIGNATURE);
    while (at !== -1) {
        const record = await readLocalRecord(read, from + at);
        if (record !== undefined)
            found.push({ record, end: to });
        at = gap.indexOf(LOCAL_SIGNATURE, at + 4);
    }
    return found;
}
/** The entry the bytes at `offset` describe, if they read as a real local header. */
async function readLocalRecord(read, offset) {
    const header = await read(offset, LOCAL_HEADER_BYTES);
    if (header.length < LOCAL_HEADER_BYTES)
        return undefined;
    const nameBytes = header.readUInt16LE(26);
    const method = header.readUInt16LE(8);
    if (header.readUInt16LE(4) > 63 || !METHODS.has(method))
        return undefined;
    if (nameBytes === 0 || nameBytes > MAX_NAME_BYTES)
        return undefined;
    const rawName = await read(offset + LOCAL_HEADER_BYTES, nameBytes);
    if (rawName.length < nameBytes || rawName.includes(0))
        return undefined;
    const flags = header.readUInt16LE(6);
    return {
        name: decodeZipName(rawName, flags, Buffer.alloc(0)),
        rawName,
        flags,
        method,
        crc32: header.readUInt32LE(14),
        compressedSize: header.readUInt32LE(18),
        uncompressedSize: header.readUInt32LE(22),
        localHeaderOffset: offset,
        externalAttributes: 0
    };
}

;// CONCATENATED MODULE: ./src/archive/zip-members.ts




const ENCRYPTED_FLAG = 0x0001;
const MAX_LINK_TARGET_BYTES = 4096;
/** The data job of each record whose content is to be read (undefined for the others), in order. */
function planJobs(directory, fileSize, limits) {
    const bounds = dataBounds(directory, fileSize);
    return directory.records.map((record) => {
        if (blockingProblem(record, kindOf(record), limits) !== 'none')
            return undefined;
        const { localHeaderOffset } = record;
        return dataJob(record, bounds.after(localHeaderOffset), bounds.shared.has(localHeaderOffset), fileSize);
    });
}
/** What reading `record`'s data takes, its data bounded by `limit`. */
function dataJob(record, limit, shared, fileSize) {
    return {
        localHeaderOffset: record.localHeaderOffset,
        compressedSize: record.compressedSize,
        uncompressedSize: record.uncompressedSize,
        method: record.method,
        crc32: record.crc32,
        limit,
        shared,
        fileSize
    };
}
/** What keeps a record's data from being read, checked once while planning and once when emitting. */
function blockingProblem(record, kind, limits) {
    if (kind !== 'file' && kind !== 'symlink')
        return 'not-data';
    if (record.flags & ENCRYPTED_FLAG)
        return 'encrypted';
    if (kind === 'symlink')
        return record.uncompressedSize > MAX_LINK_TARGET_BYTES ? 'long-link' : 'none';
    if (Math.max(record.uncompressedSize, record.compressedSize) > limits.maxEntryBytes)
        return 'too-large';
    const ratio = record.uncompressedSize / Math.max(1, record.compressedSize);
    if (record.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > limits.maxRatio)
        return 'ratio';
    return 'none';
}
/** The member as the record describes it, with the problem that rules out reading its data. */
async function describeMember(record, scope) {
    const member = describeSafeMember(record, scope);
    if (describeUnsafePath(record.name))
        member.unsafeReason = await validateZipName(record.name);
    return member;
}
/** `describeMember` without a promise, for a record whose name `describeUnsafePath` passes. */
function describeSafeMember(record, scope) {
    const kind = kindOf(record);
    const member = { name: record.name, kind, size: record.uncompressedSize };
    const special = ZIP_SPECIAL[(record.externalAttributes >>> 16) & 0o170000];
    if (kind === 'other' && special)
        member.problems = [specialFileProblem(record.name, special)];
    const { limits } = scope.ctx;
    const blocker = blockingProblem(record, kind, limits);
    if (blocker === 'none' || blocker === 'not-data')
        return member;
    const largest = Math.max(record.uncompressedSize, record.compressedSize);
    const ratio = record.uncompressedSize / Math.max(1, record.compressedSize);
    const problem = {
        encrypted: () => ({
            rule: 'archive/encrypted',
            message: `entry '${record.name}' is encrypted; its content could not be audited`
        }),
        'long-link': () => ({
            rule: 'archive/unreadable',
            message: `symlink '${record.name}' has a ${formatBytes(record.uncompressedSize)} target, too long to be a path; it was not read`
        }),
        'too-large': () => tooLargeProblem(scope, record.name, largest),
        ratio: () => ({
            rule: 'archive/limit',
            message: `entry '${record.name}' would expand ${Math.round(ratio)}× (${formatBytes(record.compressedSize)} to ${formatBytes(record.uncompressedSize)}), over the compression-ratio limit of ${limits.maxRatio}×; its content was not inspected`,
            details: {
                limit: 'maxRatio',
                max: limits.maxRatio,
                compressed: record.compressedSize,
                uncompressed: record.uncompressedSize
            }
        })
    };
    member.problems = [problem[blocker]()];
    return member;
}
function kindOf(record) {
    if (record.name.endsWith('/'))
        return 'directory';
    const type = (record.externalAttributes >>> 16) & 0o170000;
    if (type === 0o120000)
        return 'symlink';
    if (type === 0o040000)
        return 'directory';
    return ZIP_SPECIAL[type] ? 'other' : 'file';
}
/** Unix file types in the high bits of a zip record's external attributes. */
const ZIP_SPECIAL = {
    0o010000: 'FIFO',
    0o020000: 'character device',
    0o060000: 'block device',
    0o140000: 'socket'
};
/** yauzl's wording of an unsafe name; loaded only when one turns up (it costs ~40 ms to load). */
async function validateZipName(name) {
    const { default: yauzl } = await __nccwpck_require__.e(/* import() */ 663).then(__nccwpck_require__.t.bind(__nccwpck_require__, 663, 19));
    return yauzl.validateFileName(name) ?? undefined;
}
function dataBounds(directory, fileSize) {
    const offsets = directory.records.map((r) => r.localHeaderOffset);
    offsets.push(directory.directoryOffset, fileSize);
    offsets.sort((a, b) => a - b);
    const shared = new Set();
    for (let i = 1; i < offsets.length; i++)
        if (offsets[i] === offsets[i - 1])
            shared.add(offsets[i]);
    return {
        shared,
        after(offset) {
            let low = 0;
            let high = offsets.length - 1;
            while (low < high) {
                const mid = (low + high) >> 1;
                if (offsets[mid] > offset)
                    high = mid;
                else
                    low = mid + 1;
            }
            return offsets[low] > offset ? offsets[low] : fileSize;
        }
    };
}

;// CONCATENATED MODULE: ./src/archive/walk-zip.ts











/** Zips up to this size are read into memory (fast); larger ones are read entry by entry at offsets. */
const ZIP_IN_MEMORY_MAX_BYTES = 256 * 1024 * 1024;
/** Below this many members to inflate (and bytes), starting a worker costs more than it saves. */
const WORKER_MIN_JOBS = 2000;
const WORKER_MIN_BYTES = 32 * 1024 * 1024;
/** General-purpose bit 3: sizes and CRC follow the data instead of sitting in the local header. */
const DESCRIPTOR_FLAG = 0x0008;
/** Inflates the members read on this thread; the worker has its own. */
const inflate = createInflater((external_node_zlib_default()));
/** Walks a zip from its central directory, reading each member's data from its local header. */
async function walkZip(source, scope, options = {}) {
    const { ctx } = scope;
    const reader = await openRandomAccess(source, options.inMemoryMaxBytes ?? ZIP_IN_MEMORY_MAX_BYTES);
    let worker;
    try {
        let directory;
        try {
            directory = await readZipDirectory(reader, ctx.limits.maxEntries + 1);
        }
        catch (error) {
            if (!(error instanceof ZipFormatError))
                throw error;
            ctx.report('archive/unreadable', scope.where, `zip '${scope.name}' cannot be read: ${error.message}; its entries were not audited`);
            return;
        }
        const members = reader.data
            ? reader
            : cacheHeaderReads(reader, new Set(directory.records.map((r) => r.localHeaderOffset)), LOCAL_HEADER_BYTES);
        const jobs = planJobs(directory, reader.size, scope.ctx.limits);
        const wanted = jobs.filter((job) => job !== undefined);
        if (reader.data && wantsWorker(wanted, options.worker ?? 'auto')) {
            worker = new InflateWorker(toSharedBuffer(reader.data), wanted);
        }
        let jobIndex = 0;
        for (let i = 0; i < directory.records.length && !ctx.stopped; i++) {
            const record = directory.records[i];
            const member = describeUnsafePath(record.name)
                ? await describeMember(record, scope)
                : describeSafeMember(record, scope);
            const job = jobs[i];
            // a local header shared by two records is reported as an overlap, not twice
            const localName = job?.shared
                ? undefined
                : reader.data
                    ? checkLocalName(reader.data, record)
                    : await checkLocalNameAt(members, record);
            if (localName)
                addProblem(member, localName);
            if (job) {
                const index = jobIndex++;
                const path = scope.prefix + record.name;
                if (member.kind === 'file' && !ctx.admitBytes(path, job.uncompressedSize))
                    return;
                const fromWorker = worker ? (worker.poll(index) ?? (await worker.result(index))) : READ_HERE;
                const result = fromWorker === READ_HERE ? await readData(members, job) : fromWorker;
                applyResult(member, record, job, result);
            }
            const nested = startMember(scope, member);
            if (nested)
                await nested;
        }
        // a damaged directory is reported as such: the entries it no longer lists are not "hidden"
        if (!ctx.stopped && !directory.damage) {
            const unlisted = await findUnlistedEntries(members, directory.records, directory.directoryOffset);
            for (const hidden of unlisted) {
                if (ctx.stopped || !(await emitUnlisted(members, hidden, scope)))
                    break;
            }
        }
        if (directory.damage && !ctx.stopped) {
            ctx.report('archive/unreadable', scope.where, `zip '${scope.name}': ${directory.damage}; the entries after it were not audited`);
        }
    }
    finally {
        await worker?.close();
        await reader.close();
    }
}
/**
 * Emits an entry found only through its local header, read as found there, with a problem that
 * says so. Answers false when the byte budget stops the walk.
 */
async function emitUnlisted(reader, { record, end }, scope) {
    const { ctx } = scope;
    const member = describeUnsafePath(record.name)
        ? await describeMember(record, scope)
        : describeSafeMember(record, scope);
    // with a data descriptor, the local header may hold no sizes: they follow the data
    const sized = !(record.flags & DESCRIPTOR_FLAG) || record.compressedSize > 0;
    const audited = sized && member.kind === 'file' && member.problems === undefined;
    if (audited) {
        if (!ctx.admitBytes(scope.prefix + record.name, record.uncompressedSize))
            return false;
        const job = dataJob(record, end, false, reader.size);
        applyResult(member, record, job, await readData(reader, job));
    }
    addProblem(member, {
        rule: 'archive/unreadable',
        message: `entry '${record.name}' (local header at byte ${record.localHeaderOffset}) is not listed in the zip's central directory: unzip skips it, extractors that stream through local headers extract it; ${audited ? 'it was audited as found there' : 'its content was not audited'}`,
        details: { unlisted: true, offset: record.localHeaderOffset }
    });
    await startMember(scope, member);
    return true;
}
function wantsWorker(jobs, mode) {
    if (mode !== 'auto')
        return mode === 'always' && jobs.length > 0;
    return (jobs.length >= WORKER_MIN_JOBS ||
        jobs.reduce((sum, job) => sum + job.uncompressedSize, 0) >= WORKER_MIN_BYTES);
}
function applyResult(member, record, job, result) {
    if ('failure' in result) {
        addProblem(member, {
            rule: 'archive/unreadable',
            message: `entry '${record.name}' cannot be read: ${zip_entry_data_describeFailure(result.failure, job)}; its content was not inspected`
        });
        return;
    }
    if (!result.crcOk) {
        addProblem(member, {
            rule: 'archive/unreadable',
            message: `entry '${record.name}' fails its CRC-32 check: the archive is corrupt; its content was inspected as found`
        });
    }
    if (member.kind === 'symlink')
        member.linkTarget = result.data.toString('utf8');
    else
        member.content = result.data;
}
/** Reads one member's data on this thread (small zips, zips read at offsets, a failed worker). */
async function readData(reader, job) {
    const start = locateData(await reader.read(job.localHeaderOffset, LOCAL_HEADER_BYTES), job);
    if (typeof start !== 'number')
        return { failure: start };
    const compressed = await reader.read(start, job.compressedSize);
    return decodeData((external_node_zlib_default()), inflate, compressed, job, allocateShareable);
}

;// CONCATENATED MODULE: ./src/archive/open-archive.ts






/** How messages name each format the walker cannot open, article included. */
const UNSUPPORTED = {
    bzip2: 'a bzip2',
    xz: 'an xz',
    '7z': 'a 7-Zip',
    rar: 'a RAR'
};
/** Walks a container whose format its first bytes gave; bad content ends as a problem, never a throw. */
async function openArchive(source, format, scope) {
    try {
        switch (format) {
            case 'zip':
                return await walkZip(source, scope);
            case 'tar':
                return await walkTar(readChunks(source), scope);
            case 'gzip':
                return await walkCompressed(source, 'gzip', scope);
            case 'zstd':
                if (zstdFactory())
                    return await walkCompressed(source, 'zstd', scope);
                return reportZstdUnavailable(scope);
            default:
                scope.ctx.report('archive/unsupported', scope.where, `'${scope.name}' is ${UNSUPPORTED[format] ?? `a ${format}`} archive, which release-audit cannot look inside; its content was not audited`, { format });
        }
    }
    catch (error) {
        if (error instanceof CallbackError)
            throw error;
        scope.ctx.report('archive/unreadable', scope.where, `'${scope.name}' could not be read (${error?.message ?? String(error)}); the rest of it was not audited`);
    }
}
function reportZstdUnavailable(scope) {
    scope.ctx.problem({
        rule: 'archive/unsupported',
        path: scope.where,
        message: `'${scope.name}' is zstd-compressed, and this Node.js (${process.version}) has no zstd decompressor (Node 22.15 or later has one); its content was not audited`,
        details: { format: 'zstd', node: process.version },
        severity: 'notice'
    });
}

;// CONCATENATED MODULE: ./src/archive/walk-folder.ts



/**
 * Walks a folder depth-first in sorted name order without following symlinks: links are listed
 * with their target; files that are archives are walked like nested archives.
 */
async function walkFolder(root, scope) {
    await (0,promises_namespaceObject.readdir)(root); // the input itself missing or unreadable is a usage error: let it throw
    await walkDirectory((0,external_node_path_namespaceObject.resolve)(root), '', scope);
}
async function walkDirectory(root, folder, scope) {
    let children;
    try {
        children = await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, folder), { withFileTypes: true });
    }
    catch (error) {
        scope.ctx.report('archive/unreadable', folder, `folder '${folder}' cannot be read (${describe(error)}); its content was not audited`);
        return;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
        if (scope.ctx.stopped)
            return;
        const name = folder + child.name;
        if (child.isDirectory()) {
            await emitMember(scope, { name: `${name}/`, kind: 'directory', size: 0 });
            await walkDirectory(root, `${name}/`, scope);
        }
        else if (child.isSymbolicLink()) {
            await emitLink(root, name, scope);
        }
        else if (child.isFile()) {
            const member = await readFileMember(root, name, scope);
            if (member)
                await emitMember(scope, member);
        }
        else {
            // FIFOs, sockets, devices: never opened (a FIFO would block the walk)
            const problems = [specialFileProblem(name, specialKindOf(child), true)];
            await emitMember(scope, { name, kind: 'other', size: 0, problems });
        }
    }
}
async function emitLink(root, name, scope) {
    let target;
    try {
        target = await (0,promises_namespaceObject.readlink)((0,external_node_path_namespaceObject.join)(root, name));
    }
    catch (error) {
        scope.ctx.report('archive/unreadable', name, `symlink '${name}' cannot be read (${describe(error)})`);
        return;
    }
    // the folder is real: resolve the target on disk rather than lexically as inside an archive
    const member = { name, kind: 'symlink', size: 0, linkTarget: target, linkChecked: true };
    const landing = (0,external_node_path_namespaceObject.relative)(root, (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.join)(root, name)), target));
    if (landing === '..' || landing.startsWith(`..${external_node_path_namespaceObject.sep}`) || (0,external_node_path_namespaceObject.isAbsolute)(landing)) {
        member.problems = [
            {
                rule: 'archive/unsafe-link',
                message: `symlink '${name}' → '${target}' points outside the folder; what it points to was not audited`,
                details: { target }
            }
        ];
    }
    await emitMember(scope, member);
}
/** undefined when the walk has to stop (total-bytes limit, already reported). */
async function readFileMember(root, name, scope) {
    const path = (0,external_node_path_namespaceObject.join)(root, name);
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(path, 'r');
    }
    catch (error) {
        return { name, kind: 'file', size: 0, problems: [unreadable(name, error)] };
    }
    try {
        const { size } = await handle.stat();
        const source = { kind: 'file', path, size };
        if (size > scope.ctx.limits.maxEntryBytes) {
            return { name, kind: 'file', size, source, problems: [tooLargeProblem(scope, name, size)] };
        }
        if (!scope.ctx.admitBytes(scope.prefix + name, size))
            return undefined;
        const content = Buffer.allocUnsafe(size);
        let filled = 0;
        while (filled < size) {
            const { bytesRead } = await handle.read(content, filled, size - filled, filled);
            if (bytesRead === 0)
                break; // the file shrank while we read it
            filled += bytesRead;
        }
        return {
            name,
            kind: 'file',
            size,
            content: filled === size ? content : content.subarray(0, filled)
        };
    }
    catch (error) {
        return { name, kind: 'file', size: 0, problems: [unreadable(name, error)] };
    }
    finally {
        await handle.close();
    }
}
function unreadable(name, error) {
    return {
        rule: 'archive/unreadable',
        message: `file '${name}' cannot be read (${describe(error)}); its content was not audited`
    };
}
function describe(error) {
    return error.code ?? error.message;
}
function specialKindOf(child) {
    if (child.isFIFO())
        return 'FIFO';
    if (child.isSocket())
        return 'socket';
    return child.isBlockDevice() ? 'block device' : 'character device';
}

;// CONCATENATED MODULE: ./src/archive/walk.ts







/**
 * Walks one artifact (a file, a folder or bytes), emitting every member in walk order, nested
 * archives included, and reporting unsafe, unreadable or over-limit content as problems. Formats are
 * told by their first bytes, never by name. Only an I/O error on the input itself (ENOENT…) and an
 * exception from the caller's own callbacks throw; entries are never written to disk.
 *
 * Limits (DEFAULT_LIMITS in limits.ts, and why):
 * - maxDepth 5: real releases nest two or three deep (zip → tgz → jar); more is a nesting bomb.
 * - maxEntries 200,000 and maxTotalBytes 4 GiB for the whole artifact, nested content included: past
 *   either the walk stops with one `archive/limit` problem rather than running for minutes.
 * - maxEntryBytes 512 MiB: a larger member is listed without content (its content is held in memory
 *   while rules read it).
 * - maxRatio 200×: minified JS and source maps compress 3–10×, JSON fixtures rarely past 50×; a
 *   deflate bomb runs at ~1000×. It is checked per zip entry from the declared sizes (output is
 *   never allowed past the declared size) and per gzip/zstd stream from real bytes in and out, and
 *   only past RATIO_CHECK_MIN_BYTES (1 MiB) of output, so a small file of repeated bytes passes.
 */
async function walkArtifact(artifact, limits, onEntry, onProblem) {
    const ctx = new WalkContext(artifact.name, limits, openArchive, onEntry, onProblem);
    const { input } = artifact;
    try {
        if (input.kind === 'dir') {
            await walkFolder(input.path, topScope(ctx, entry_paths_baseName(input.path)));
        }
        else {
            const source = input.kind === 'file' ? await fileSource(input.path) : bufferSource(input.data);
            const name = entry_paths_baseName(input.kind === 'file' ? input.path : artifact.name);
            await walkTopLevel(source, topScope(ctx, name));
        }
    }
    catch (error) {
        throw error instanceof CallbackError ? error.original : error;
    }
    return ctx.stats;
}
function topScope(ctx, name) {
    return { ctx, prefix: '', depth: 0, where: '', name };
}
/** An archive is walked; any other file is the artifact's single entry, named by its basename. */
async function walkTopLevel(source, scope) {
    const format = detectFormat(await readHead(source, detect_format_HEAD_BYTES));
    if (format)
        return openArchive(source, format, scope);
    const { ctx, name } = scope;
    if (source.size > ctx.limits.maxEntryBytes) {
        return emitMember(scope, {
            name,
            kind: 'file',
            size: source.size,
            problems: [tooLargeProblem(scope, name, source.size)]
        });
    }
    if (!ctx.admitBytes(name, source.size))
        return;
    await emitMember(scope, {
        name,
        kind: 'file',
        size: source.size,
        content: await readWhole(source)
    });
}

;// CONCATENATED MODULE: ./src/archive/limits.ts
const limits_MiB = 1024 * 1024;
const GiB = 1024 * limits_MiB;
const DEFAULT_LIMITS = {
    maxDepth: 5,
    maxEntries: 200_000,
    maxTotalBytes: 4 * GiB,
    maxEntryBytes: 512 * limits_MiB,
    maxRatio: 200
};

;// CONCATENATED MODULE: ./src/merge/load-shards.ts




/**
 * Reads the shard reports out of each input (a JSON file, or an artifact zip holding one or more):
 * every `.json` inside must be a valid report, and every input must hold at least one, so a
 * broken or empty shard fails the merge instead of passing with part of the findings.
 */
async function loadShardReports(inputs) {
    const reports = [];
    for (const input of inputs) {
        const found = [];
        const problems = [];
        await walkArtifact(input, DEFAULT_LIMITS, (entry) => {
            if (!isFileEntry(entry) || !entry.path.endsWith('.json'))
                return;
            const where = entry.depth === 0 && entry.path === input.name
                ? input.name
                : `${input.name}: ${entry.path}`;
            try {
                found.push(parseReport(entry.content.toString('utf8'), where));
            }
            catch (error) {
                problems.push(error.message);
            }
        }, (problem) => problems.push(`${input.name}: ${problem.path || '(archive)'}: ${problem.message}`));
        if (problems.length > 0)
            throw new ReportFormatError(`shard report unusable: ${problems.join('; ')}`);
        if (found.length === 0) {
            throw new ReportFormatError(`shard '${input.name}' holds no release-audit JSON report`);
        }
        reports.push(...found);
    }
    return reports;
}

;// CONCATENATED MODULE: ./src/merge/merge-reports.ts

/**
 * Combines the JSON reports of matrix shards into the report a single audit of everything would
 * have produced: findings deduplicated and re-sorted, one artifact list, counts and conclusion
 * recomputed (never trusted from the shards).
 */
function mergeReports(reports, failOn) {
    const findings = dedupe(reports.flatMap((r) => r.findings), findingKey);
    const artifacts = dedupe(reports.flatMap((r) => r.artifacts), (a) => `${a.name}\0${a.source}`).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const suppressed = mergeSuppressions(reports.flatMap((r) => r.suppressed ?? []));
    const baselines = reports.map((r) => r.baseline).filter((b) => b !== undefined);
    const merged = buildReport(artifacts, findings, failOn, suppressed);
    return baselines.length === 1 ? { ...merged, baseline: baselines[0] } : merged;
}
function findingKey(f) {
    return JSON.stringify([f.rule, f.severity, f.artifact, f.path, f.line ?? 0, f.message]);
}
function mergeSuppressions(all) {
    const merged = new Map();
    for (const s of all) {
        const key = JSON.stringify([s.rule, s.path, s.reason, s.until ?? '']);
        const existing = merged.get(key);
        merged.set(key, existing ? { ...existing, count: existing.count + s.count } : { ...s });
    }
    return [...merged.values()];
}
function dedupe(items, key) {
    const seen = new Map();
    for (const item of items)
        if (!seen.has(key(item)))
            seen.set(key(item), item);
    return [...seen.values()];
}

;// CONCATENATED MODULE: ./src/engine/audit.ts




/** Walks every artifact once, runs every rule over it, and returns the report. */
async function audit(artifacts, options) {
    const defaults = defaultSeverities(options.rules);
    const raw = [];
    const summaries = [];
    for (const artifact of artifacts) {
        const { summary, findings } = await auditArtifact(artifact, options, defaults);
        summaries.push(summary);
        raw.push(...findings);
    }
    const processed = options.postprocess?.(raw) ?? { findings: raw };
    return buildReport(summaries, processed.findings, options.failOn, processed.suppressed);
}
async function auditArtifact(artifact, options, defaults) {
    const findings = [];
    const toFinding = (r) => ({
        rule: r.rule,
        severity: r.severity ?? defaults.get(r.rule) ?? 'error',
        artifact: artifact.name,
        path: r.entry.path,
        ...(r.line !== undefined ? { line: r.line } : {}),
        message: r.message,
        ...(r.details ? { details: r.details } : {})
    });
    const context = {
        options: options.ruleOptions ?? { sources: 'private' },
        report: (r) => findings.push(toFinding(r))
    };
    const visitors = options.rules.map((rule) => ({ rule, visitor: rule.create(context) }));
    const paths = new Set();
    const entries = [];
    const reportRuleFailure = (rule, entry, error) => findings.push({
        rule: 'audit/rule-failed',
        severity: 'error',
        artifact: artifact.name,
        path: entry?.path ?? '',
        message: `rule family '${rule.meta.family}' failed${entry ? ` on ${entry.path}` : ''}: ${describeError(error)}; this part was not fully audited`
    });
    const stats = await walkArtifact(artifact, options.limits ?? DEFAULT_LIMITS, (entry) => {
        paths.add(entry.path);
        if (entry.kind === 'file')
            entries.push({ path: entry.path, size: entry.size });
        for (const { rule, visitor } of visitors) {
            try {
                visitor.entry?.(entry);
            }
            catch (error) {
                reportRuleFailure(rule, entry, error);
            }
        }
    }, (problem) => findings.push({
        rule: problem.rule,
        severity: problem.severity ?? defaults.get(problem.rule) ?? 'error',
        artifact: artifact.name,
        path: problem.path,
        message: problem.message,
        ...(problem.details ? { details: problem.details } : {})
    }));
    for (const { rule, visitor } of visitors) {
        try {
            visitor.end?.(paths);
        }
        catch (error) {
            reportRuleFailure(rule, undefined, error);
        }
    }
    return {
        summary: {
            name: artifact.name,
            source: artifact.source,
            files: stats.files,
            bytes: stats.bytes,
            entries
        },
        findings
    };
}
function defaultSeverities(rules) {
    const map = new Map();
    for (const meta of [ARCHIVE_RULES_META, AUDIT_RULES_META, ...rules.map((r) => r.meta)]) {
        for (const [id, rule] of Object.entries(meta.rules))
            map.set(id, rule.severity);
    }
    return map;
}
function describeError(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./src/policy/dates.ts
var dates = __nccwpck_require__(6931);
;// CONCATENATED MODULE: ./src/policy/globs.ts

/**
 * Matches entry paths the way every policy glob does: picomatch with `dot: true`, so `**`
 * covers `.env` and `.github/`, and crosses into nested archives (`a.zip!/b/c.js`). A finding
 * about a whole artifact has the path '', which only `**` matches.
 */
function compileGlob(glob) {
    const matcher = picomatch_default()(glob, { dot: true });
    return (path) => (path === '' ? glob === '**' : matcher(path));
}
function compileGlobs(globs) {
    const matchers = globs.map(compileGlob);
    return (path) => matchers.some((match) => match(path));
}
/**
 * The `allow` list: a path is expected when a glob matches it or one of the archives it sits in
 * (allowing `dist/vendor.tgz` allows what is inside), and no `!glob` matches the path itself.
 * A list of `!globs` only allows everything else.
 */
function compileAllowList(globs) {
    const positive = globs.filter((g) => !g.startsWith('!'));
    const negative = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
    const allows = compileGlobs(positive.length > 0 ? positive : ['**']);
    const excludes = compileGlobs(negative);
    return (path) => !excludes(path) && containersOf(path).some(allows);
}
/** `a.zip!/b.tgz!/c.js` → itself, then `a.zip!/b.tgz`, then `a.zip`. */
function containersOf(path) {
    const parts = path.split('!/');
    return parts.map((_, i) => parts.slice(0, parts.length - i).join('!/'));
}

// EXTERNAL MODULE: ./src/policy/rule-ids.ts
var rule_ids = __nccwpck_require__(561);
;// CONCATENATED MODULE: ./src/policy/apply.ts





/**
 * The policy's say over the findings of an audit: `rules` first (a severity, or `off` to drop;
 * an exact id beats a family wildcard), then `ignore` (the first entry that matches a finding
 * hides it and counts it). `now` decides which `until` dates have passed.
 */
function applyPolicy(findings, policy, now) {
    const setLevel = createLevelSetter(policy.rules);
    const leveled = findings.flatMap(setLevel);
    const expired = policy.ignore.filter((e) => e.until !== undefined && (0,dates/* isExpired */._)(e.until, now));
    const active = policy.ignore
        .filter((e) => !expired.includes(e))
        .map((entry) => ({ entry, matches: compileIgnore(entry), count: 0 }));
    const kept = [];
    for (const finding of leveled) {
        const ignore = active.find((a) => a.matches(finding));
        if (ignore)
            ignore.count++;
        else
            kept.push(finding);
    }
    const notices = [
        ...expired.map((entry) => {
            const matches = compileIgnore(entry);
            return describeExpired(entry, kept.filter(matches).length, policy.file);
        }),
        ...active.filter((a) => a.count === 0).map((a) => describeUnused(a.entry, policy.file))
    ];
    return {
        findings: kept,
        suppressed: active.filter((a) => a.count > 0).map((a) => toSuppression(a.entry, a.count)),
        notices: notices.flatMap(setLevel)
    };
}
/** Returns the finding with the policy's severity, or nothing when the policy turns it off. */
function createLevelSetter(settings) {
    const levelOf = createLevelLookup(settings);
    return (finding) => {
        const level = levelOf(finding.rule);
        if (level === undefined)
            return [finding];
        if (level === 'off')
            return [];
        return [level === finding.severity ? finding : { ...finding, severity: level }];
    };
}
/** The level the policy sets for a rule id (an exact id beats a family wildcard), if any. */
function createLevelLookup(settings) {
    const exact = new Map();
    const family = new Map();
    for (const { rule, level } of settings) {
        const wildcard = (0,rule_ids/* wildcardFamily */.jI)(rule);
        if (wildcard === undefined)
            exact.set(rule, level);
        else
            family.set(wildcard, level);
    }
    return (ruleId) => exact.get(ruleId) ?? family.get((0,rule_ids/* familyOf */.Ap)(ruleId));
}
function compileIgnore(entry) {
    const path = compileGlob(entry.path);
    const artifact = entry.artifact === undefined ? undefined : compileGlob(entry.artifact);
    return (finding) => (0,rule_ids/* matchesRule */.Ib)(entry.rule, finding.rule) &&
        path(finding.path) &&
        (artifact === undefined || artifact(finding.artifact));
}
/**
 * Suppression has no artifact field, so an artifact glob rides along in `path`; otherwise two
 * entries differing only by artifact would read (and merge across shards) as one.
 */
function toSuppression(entry, count) {
    return {
        rule: entry.rule,
        path: entry.artifact === undefined ? entry.path : `${entry.path} (artifact ${entry.artifact})`,
        reason: entry.reason,
        ...(entry.until !== undefined ? { until: entry.until } : {}),
        count
    };
}
function apply_describeEntry(entry) {
    const artifact = entry.artifact === undefined ? '' : `, artifact ${entry.artifact}`;
    return `ignore[${entry.index}] (rule ${entry.rule}, path ${entry.path}${artifact})`;
}
/** Notices point at the ignore entry in the policy file, so annotations land on that line. */
function aboutEntry(entry, file) {
    return { artifact: '', path: file, line: entry.at.line };
}
function describeExpired(entry, uncovered, file) {
    const effect = uncovered === 0
        ? 'it would hide nothing in this audit either'
        : `the ${plural(uncovered, 'finding')} it hid ${uncovered === 1 ? 'is' : 'are'} reported again`;
    return {
        rule: EXPIRED_IGNORE,
        severity: 'notice',
        ...aboutEntry(entry, file),
        message: `${file}:${entry.at.line}: ${apply_describeEntry(entry)} expired on ${entry.until} and no longer applies (${effect}); renew its until date or remove it`,
        details: { ignore: entry.index, until: entry.until, uncovered }
    };
}
function describeUnused(entry, file) {
    return {
        rule: UNUSED_IGNORE,
        severity: 'notice',
        ...aboutEntry(entry, file),
        message: `${file}:${entry.at.line}: ${apply_describeEntry(entry)} matched no finding in this audit; remove it if what it covered no longer ships`,
        details: { ignore: entry.index }
    };
}

;// CONCATENATED MODULE: ./src/policy/active-rules.ts

/**
 * The rule families worth running under a policy: one whose every rule id the policy turns `off`
 * could only report findings that would be dropped, so it is not run at all (a team that scans
 * secrets elsewhere pays nothing for `secret/*: off`).
 */
function activeRules(rules, policy) {
    if (!policy)
        return [...rules];
    const levelOf = createLevelLookup(policy.rules);
    return rules.filter((rule) => Object.keys(rule.meta.rules).some((id) => levelOf(id) !== 'off'));
}

// EXTERNAL MODULE: ./src/policy/errors.ts
var errors = __nccwpck_require__(4795);
;// CONCATENATED MODULE: ./src/policy/load.ts



/** Where a policy file is looked for when none is named, relative to the working directory. */
const DEFAULT_POLICY_PATHS = [
    '.github/release-audit.yml',
    '.github/release-audit.yaml'
];
/** A policy is a short hand-written file; anything larger is a wrong path, not a policy. */
const MAX_POLICY_BYTES = 1024 * 1024;
/**
 * The default policy file under `cwd` if there is one. Both spellings at once is an error
 * rather than a silent choice: one of them would be ignored without anyone noticing.
 */
async function findDefaultPolicy(cwd) {
    const found = [];
    for (const candidate of DEFAULT_POLICY_PATHS) {
        const full = external_node_path_default().join(cwd, candidate);
        if ((await (0,promises_namespaceObject.stat)(full).catch(() => undefined))?.isFile())
            found.push(full);
    }
    if (found.length > 1) {
        throw new errors/* PolicyError */.p(DEFAULT_POLICY_PATHS[0], [
            {
                file: DEFAULT_POLICY_PATHS[0],
                key: '',
                message: `both ${DEFAULT_POLICY_PATHS.join(' and ')} exist; keep one (or name one with the config input / --config)`
            }
        ]);
    }
    return found[0];
}
/**
 * Reads and validates a policy file. The file is named in messages relative to the working
 * directory when it lies inside it, as GitHub and editors expect.
 */
async function loadPolicy(file) {
    const shown = describePath(file);
    const fail = (message) => {
        throw new errors/* PolicyError */.p(shown, [{ file: shown, key: '', message }]);
    };
    const info = await (0,promises_namespaceObject.stat)(file).catch((error) => error.code === 'ENOENT'
        ? fail('policy file not found; check the config input / --config, or remove it to run without a policy')
        : fail(`policy file cannot be read: ${error.message}`));
    if (!info.isFile())
        fail('policy file is not a regular file');
    if (info.size > MAX_POLICY_BYTES) {
        fail(`policy file is ${info.size} bytes, over ${MAX_POLICY_BYTES}; is this the right file?`);
    }
    const text = await (0,promises_namespaceObject.readFile)(file, 'utf8').catch((error) => fail(`policy file cannot be read: ${error.message}`));
    // Loaded on demand: the YAML parser is a fifth of the bundle, and most runs have no policy file.
    const { parsePolicy } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(730)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9730));
    return parsePolicy(text.replace(/^\uFEFF/, ''), shown);
}
function describePath(file) {
    const relative = external_node_path_default().relative(process.cwd(), external_node_path_default().resolve(file));
    const inside = relative !== '' && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative);
    return inside ? relative.split((external_node_path_default()).sep).join('/') : file;
}

;// CONCATENATED MODULE: ./src/policy/budgets.ts


/** Files over `file-bytes` reported one by one, largest first; the rest are counted in one more. */
const MAX_LARGE_FILE_REPORTS = 10;
/**
 * `policy/budget` for one artifact. Files and bytes are counted as the report's artifact summary
 * counts them (every regular file, members of nested archives included), so the numbers in a
 * budget finding match the numbers next to the artifact's name.
 */
function createBudgetCheck(budgets, policyFile) {
    let files = 0;
    let bytes = 0;
    let artifact = '';
    const large = [];
    const where = `in ${policyFile}`;
    return {
        add(entry) {
            artifact = entry.artifact;
            if (entry.kind !== 'file')
                return;
            const size = 'content' in entry && Buffer.isBuffer(entry.content) ? entry.content.length : entry.size;
            files++;
            bytes += size;
            if (budgets.fileBytes && size > budgets.fileBytes.bytes) {
                large.push({ artifact, path: entry.path, depth: entry.depth, size, kind: 'file' });
            }
        },
        finish(report) {
            const whole = { artifact, path: '', depth: 0, size: bytes, kind: 'other' };
            const { totalBytes, fileBytes } = budgets;
            if (totalBytes && bytes > totalBytes.bytes) {
                report({
                    rule: BUDGET,
                    entry: whole,
                    message: `the artifact holds ${describeSize(bytes)} uncompressed, over the total-bytes budget of ${totalBytes.text} ${where}`,
                    details: { budget: 'total-bytes', limit: totalBytes.bytes, actual: bytes }
                });
            }
            if (budgets.files !== undefined && files > budgets.files) {
                report({
                    rule: BUDGET,
                    entry: whole,
                    message: `the artifact holds ${plural(files, 'file')}, over the files budget of ${formatCount(budgets.files)} ${where}`,
                    details: { budget: 'files', limit: budgets.files, actual: files }
                });
            }
            if (fileBytes)
                reportLargeFiles(large, fileBytes, where, report);
        }
    };
}
function reportLargeFiles(large, limit, where, report) {
    const sorted = [...large].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
    for (const entry of sorted.slice(0, MAX_LARGE_FILE_REPORTS)) {
        report({
            rule: BUDGET,
            entry,
            message: `${describeSize(entry.size)}, over the file-bytes budget of ${limit.text} ${where}`,
            details: { budget: 'file-bytes', limit: limit.bytes, actual: entry.size }
        });
    }
    const rest = sorted.slice(MAX_LARGE_FILE_REPORTS);
    if (rest.length === 0)
        return;
    report({
        rule: BUDGET,
        entry: { ...rest[0], path: '' },
        message: `${plural(rest.length, 'more file')} over the file-bytes budget of ${limit.text} ${where} (up to ${describeSize(rest[0].size)}), e.g. ${rest
            .slice(0, 3)
            .map((e) => e.path)
            .join(', ')}`,
        details: {
            budget: 'file-bytes',
            limit: limit.bytes,
            count: rest.length,
            paths: rest.slice(0, 10).map((e) => e.path)
        }
    });
}
/** `21,043,112 bytes (20.1 MiB)`: exact for comparing with a decimal budget, readable too. */
function describeSize(bytes) {
    const exact = `${formatCount(bytes)} bytes`;
    return bytes < 1024 ? exact : `${exact} (${formatBytes(bytes)})`;
}

;// CONCATENATED MODULE: ./src/policy/mask.ts
/** At most this many characters of a forbidden match reach a report: a codename is itself a secret. */
const mask_MAX_SHOWN_CHARS = 4;
/** Characters of the line shown on each side of the match. */
const CONTEXT_CHARS = 24;
/** How far beyond the shown window other matches are looked for, so none is shown cut in half. */
const NEIGHBOUR_SCAN_CHARS = 256;
/** `Project Falcon` → `Pro…`: at most a quarter of the text and never more than 4 characters. */
function maskMatch(text) {
    return `${text.slice(0, Math.min(mask_MAX_SHOWN_CHARS, Math.floor(text.length / 4)))}…`;
}
/**
 * The line around the match [start, end) of `text`, at most CONTEXT_CHARS each side, with this
 * match and every match of `regexes` (all forbid patterns of the file) that reaches into the
 * window masked, and control characters shown as spaces.
 */
function buildExcerpt(text, start, end, regexes) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEndAt = text.indexOf('\n', end);
    const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
    const from = Math.max(lineStart, start - CONTEXT_CHARS);
    const to = Math.min(lineEnd, end + CONTEXT_CHARS);
    const scanFrom = Math.max(lineStart, from - NEIGHBOUR_SCAN_CHARS);
    const scanTo = Math.min(lineEnd, to + NEIGHBOUR_SCAN_CHARS);
    const masked = mergeRanges([
        [start, end],
        ...regexes.flatMap((regex) => findMatches(text, regex, scanFrom, scanTo))
    ]).filter(([a, b]) => b > from && a < to);
    let excerpt = '';
    let at = from;
    for (const [a, b] of masked) {
        excerpt += showPlain(text.slice(at, Math.max(at, a)));
        // a match starting before the window would show its middle: nothing of it is shown
        excerpt += a >= from ? maskMatch(text.slice(a, b)) : '…';
        at = Math.min(to, b);
    }
    return excerpt + showPlain(text.slice(at, to));
}
function findMatches(text, regex, from, to) {
    const copy = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
    const region = text.slice(from, to);
    const ranges = [];
    for (let m = copy.exec(region); m !== null; m = copy.exec(region)) {
        if (m[0].length === 0)
            copy.lastIndex++;
        else
            ranges.push([from + m.index, from + m.index + m[0].length]);
    }
    return ranges;
}
function mergeRanges(ranges) {
    const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const range of sorted) {
        const last = merged.at(-1);
        if (last && range[0] <= last[1])
            last[1] = Math.max(last[1], range[1]);
        else
            merged.push([range[0], range[1]]);
    }
    return merged;
}
function showPlain(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

;// CONCATENATED MODULE: ./src/policy/forbidden-binary.ts




/** Each chunk reads this far past its end, so a match across the cut is still found once. */
const forbidden_binary_OVERLAP_BYTES = 64 * 1024;
/** Bytes past ASCII: in a binary they are data, not latin1 letters. */
const forbidden_binary_NON_ASCII = /[\x80-\xff]/g;
/**
 * `forbid` patterns in a binary file (an executable, a native addon): an internal host name or a
 * codename compiled in ships as plain bytes. Matches are located by byte offset; excerpts show
 * control bytes as spaces, as for text, and bytes past ASCII as `.`.
 */
function checkBinary(file, entries, 
/** The bounds of the text search: matches listed per pattern, bytes read as one string. */
{ maxPerPattern, chunkBytes }, report) {
    const { content } = file;
    const regexes = entries.map((entry) => entry.regex);
    const hits = entries.map(() => []);
    const counts = entries.map(() => 0);
    for (const { start, owned, text } of latin1Chunks(content, chunkBytes, forbidden_binary_OVERLAP_BYTES)) {
        entries.forEach(({ regex }, i) => {
            regex.lastIndex = 0;
            for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
                if (m[0].length === 0) {
                    regex.lastIndex++;
                    continue;
                }
                if (m.index >= owned)
                    break; // in the overlap: the next chunk has it
                if (counts[i]++ < maxPerPattern) {
                    const excerpt = buildExcerpt(text, m.index, m.index + m[0].length, regexes);
                    hits[i].push({ offset: start + m.index, excerpt: excerpt.replace(forbidden_binary_NON_ASCII, '.') });
                }
            }
            regex.lastIndex = 0;
        });
    }
    entries.forEach((entry, i) => {
        const base = {
            rule: FORBIDDEN_CONTENT,
            entry: file,
            ...(entry.severity ? { severity: entry.severity } : {})
        };
        for (const { offset, excerpt } of hits[i]) {
            report({
                ...base,
                message: `forbidden content '${entry.name}' in binary content at byte ${formatOffset(offset)}: "${excerpt}"`,
                details: { pattern: entry.name, offset, excerpt }
            });
        }
        const more = counts[i] - hits[i].length;
        if (more > 0) {
            report({
                ...base,
                message: `${plural(more, 'more match', 'more matches')} of forbidden content '${entry.name}' in this binary file are not listed one by one`,
                details: { pattern: entry.name, omitted: more }
            });
        }
    });
}

;// CONCATENATED MODULE: ./src/policy/forbidden-content.ts







/** Matches of one pattern in one file reported one by one; the rest are counted in one more. */
const MAX_REPORTS_PER_PATTERN = 10;
/**
 * Text is decoded and searched in pieces of about this size, cut after a newline, so a file
 * near the per-entry limit never becomes one string longer than V8 allows (~512 MiB).
 * A match spanning such a cut (only multi-line patterns can) is not found.
 */
const forbidden_content_CHUNK_BYTES = 32 * 1024 * 1024;
/**
 * `policy/forbidden-content`: each `forbid` entry searched over every text file its paths allow,
 * and over binary files (see `checkBinary`).
 */
function createForbiddenContentCheck(entries) {
    const patterns = entries.map((entry) => ({
        entry,
        applies: entry.paths ? compileGlobs(entry.paths) : () => true
    }));
    return (file, report) => {
        const applicable = patterns.filter((p) => p.applies(file.path)).map((p) => p.entry);
        if (applicable.length === 0)
            return;
        if (isBinary(file.content)) {
            if (holdsNoStrings(file.content))
                return;
            checkBinary(file, applicable, { maxPerPattern: MAX_REPORTS_PER_PATTERN, chunkBytes: forbidden_content_CHUNK_BYTES }, report);
            return;
        }
        const hits = applicable.map(() => ({ shown: [], more: { count: 0, first: 0, last: 0 } }));
        let lineBase = 1;
        for (const chunk of splitText(file.content, forbidden_content_CHUNK_BYTES)) {
            const regexes = applicable.map((entry) => entry.regex);
            applicable.forEach((entry, i) => collectHits(chunk, lineBase, entry.regex, regexes, hits[i]));
            lineBase += forbidden_content_countNewlines(chunk);
        }
        applicable.forEach((entry, i) => reportHits(file, entry, hits[i], report));
    };
}
/**
 * One pass of `regex` over the chunk (`lastIndex` loop); line numbers counted incrementally.
 * Excerpts mask the matches of every pattern of the file (`all`), not only this one.
 */
function collectHits(text, lineBase, regex, all, hits) {
    let line = lineBase;
    // the next newline not yet counted: remembered so no stretch of text is scanned twice
    let newline = text.indexOf('\n');
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
            regex.lastIndex++;
            continue;
        }
        while (newline !== -1 && newline < m.index) {
            line++;
            newline = text.indexOf('\n', newline + 1);
        }
        if (hits.shown.length < MAX_REPORTS_PER_PATTERN) {
            const column = m.index - (text.lastIndexOf('\n', m.index - 1) + 1) + 1;
            const excerpt = buildExcerpt(text, m.index, m.index + m[0].length, all);
            hits.shown.push({ line, column, excerpt });
        }
        else {
            if (hits.more.count++ === 0)
                hits.more.first = line;
            hits.more.last = line;
        }
    }
    regex.lastIndex = 0;
}
function reportHits(file, entry, hits, report) {
    const base = {
        rule: FORBIDDEN_CONTENT,
        entry: file,
        ...(entry.severity ? { severity: entry.severity } : {})
    };
    for (const hit of hits.shown) {
        report({
            ...base,
            line: hit.line,
            message: `forbidden content '${entry.name}' at line ${hit.line}: "${hit.excerpt}"`,
            details: { pattern: entry.name, column: hit.column, excerpt: hit.excerpt }
        });
    }
    const { count, first, last } = hits.more;
    if (count === 0)
        return;
    report({
        ...base,
        line: first,
        message: `${plural(count, 'more match', 'more matches')} of forbidden content '${entry.name}' in this file (lines ${first}–${last}) are not listed one by one`,
        details: { pattern: entry.name, omitted: count }
    });
}
/** UTF-8 text in pieces cut just after a newline (never inside a multi-byte character). */
function* splitText(content, chunkBytes) {
    if (isUtf16(content)) {
        yield decodeText(content, 'utf8'); // Windows tools' UTF-16 files are small: one piece
        return;
    }
    let start = 0;
    while (start < content.length) {
        let end = Math.min(content.length, start + chunkBytes);
        if (end < content.length) {
            const newline = content.lastIndexOf(0x0a, end - 1);
            if (newline >= start)
                end = newline + 1;
            // one line longer than a chunk: cut before a UTF-8 continuation byte, not inside a character
            else
                while (end > start + 1 && (content[end] & 0xc0) === 0x80)
                    end--;
        }
        yield content.toString('utf8', start, end);
        start = end;
    }
}
function forbidden_content_countNewlines(text) {
    let count = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        count++;
    return count;
}

;// CONCATENATED MODULE: ./src/policy/unexpected-files.ts



/** A folder holding more unexpected files than this (and nothing expected) is one finding. */
const COLLAPSE_OVER_FILES = 20;
/** Paths named in a collapsed finding's message; details carry a few more. */
const SAMPLES_IN_MESSAGE = 3;
const SAMPLES_IN_DETAILS = 10;
/** Past this many one-file findings in an artifact, the rest become one summary finding. */
const MAX_FILE_FINDINGS = 200;
/**
 * `policy/unexpected-file` for one artifact: every non-directory entry that no `allow` glob
 * expects. A folder whose files are all unexpected and more than COLLAPSE_OVER_FILES is reported
 * once (the shallowest such folder), with a count and samples, instead of file by file.
 */
function createUnexpectedFileCheck(allow, policyFile) {
    const isAllowed = compileAllowList(allow);
    const folders = new Map();
    const unexpected = [];
    const advice = `no glob in allow (${policyFile}) matches it; add one or keep the file out of the release`;
    return {
        add(entry) {
            if (entry.kind === 'directory')
                return;
            const allowed = isAllowed(entry.path);
            for (const folder of foldersOf(entry.path)) {
                const count = folders.get(folder) ?? { files: 0, unexpected: 0 };
                count.files++;
                if (!allowed)
                    count.unexpected++;
                folders.set(folder, count);
            }
            if (!allowed) {
                const { artifact, path, depth, size, kind } = entry;
                unexpected.push({ artifact, path, depth, size, kind });
            }
        },
        finish(report) {
            const groups = new Map();
            const single = [];
            for (const entry of unexpected) {
                const folder = foldersOf(entry.path).find((f) => isCollapsible(folders.get(f)));
                if (folder === undefined)
                    single.push(entry);
                else if (groups.has(folder))
                    groups.get(folder)?.push(entry);
                else
                    groups.set(folder, [entry]);
            }
            for (const [folder, entries] of groups)
                report(describeFolder(folder, entries, policyFile));
            for (const entry of single.slice(0, MAX_FILE_FINDINGS)) {
                report({ rule: UNEXPECTED_FILE, entry, message: `unexpected file: ${advice}` });
            }
            const rest = single.slice(MAX_FILE_FINDINGS);
            if (rest.length > 0)
                report(describeRest(rest, policyFile));
        }
    };
}
function isCollapsible(count) {
    return (count !== undefined && count.unexpected === count.files && count.files > COLLAPSE_OVER_FILES);
}
/** `a/b/c.js` → `''`, `a/`, `a/b/` (the artifact root first); `!/` stays inside a segment name. */
function foldersOf(path) {
    const segments = path.split('/').slice(0, -1);
    return ['', ...segments.map((_, i) => `${segments.slice(0, i + 1).join('/')}/`)];
}
function describeFolder(folder, entries, policyFile) {
    const samples = entries.map((e) => e.path).slice(0, SAMPLES_IN_DETAILS);
    const where = folder === '' ? 'this artifact' : folder;
    const eg = samples.slice(0, SAMPLES_IN_MESSAGE).join(', ');
    const first = entries[0];
    return {
        rule: UNEXPECTED_FILE,
        entry: {
            artifact: first.artifact,
            path: folder,
            depth: first.depth,
            size: sumSizes(entries),
            kind: 'directory'
        },
        message: `${plural(entries.length, 'unexpected file')} in ${where} and nothing expected there: no glob in allow (${policyFile}) matches them (e.g. ${eg})`,
        details: { folder, count: entries.length, samples }
    };
}
function describeRest(rest, policyFile) {
    const first = rest[0];
    const samples = rest.map((e) => e.path).slice(0, SAMPLES_IN_DETAILS);
    return {
        rule: UNEXPECTED_FILE,
        entry: { artifact: first.artifact, path: '', depth: 0, size: sumSizes(rest), kind: 'other' },
        message: `${plural(rest.length, 'more unexpected file')} not listed one by one: no glob in allow (${policyFile}) matches them (e.g. ${samples.slice(0, SAMPLES_IN_MESSAGE).join(', ')})`,
        details: { count: rest.length, samples }
    };
}
function sumSizes(entries) {
    return entries.reduce((total, e) => total + e.size, 0);
}

;// CONCATENATED MODULE: ./src/policy/rule.ts





/**
 * The `policy` rule family for one policy: `allow` → policy/unexpected-file, `forbid` →
 * policy/forbidden-content, `budgets` → policy/budget. Keys the policy leaves out cost nothing.
 */
function createPolicyRule(policy) {
    const { allow, forbid, budgets, file } = policy;
    const searchContent = forbid.length > 0 ? createForbiddenContentCheck(forbid) : undefined;
    const hasBudgets = Object.keys(budgets).length > 0;
    return {
        meta: POLICY_RULES_META,
        create(context) {
            const report = (r) => context.report(r);
            const unexpected = allow ? createUnexpectedFileCheck(allow, file) : undefined;
            const budget = hasBudgets ? createBudgetCheck(budgets, file) : undefined;
            return {
                entry(entry) {
                    unexpected?.add(entry);
                    budget?.add(entry);
                    if (searchContent && isFileEntry(entry))
                        searchContent(entry, report);
                },
                end() {
                    unexpected?.finish(report);
                    budget?.finish(report);
                }
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/sources/tracked-files.ts





const tracked_files_run = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
/** Embedded sources are code; bigger tracked files (assets, data) are not worth hashing. */
const MAX_HASHED_FILE_BYTES = 4 * 1024 * 1024;
/**
 * Repo-relative path → sha256 of every file git tracks in `workspace`: what a public repository
 * already shows the world, for the `sources: public` comparison of embedded map sources.
 * Returns undefined (and the caller says so) when the workspace is not a git checkout.
 */
async function hashTrackedFiles(workspace) {
    let stdout;
    try {
        ;
        ({ stdout } = await tracked_files_run('git', ['ls-files', '-z'], {
            cwd: workspace,
            maxBuffer: 256 * 1024 * 1024
        }));
    }
    catch {
        return undefined;
    }
    const hashes = new Map();
    for (const file of stdout.split('\0').filter(Boolean)) {
        const absolute = external_node_path_default().join(workspace, file);
        const info = await (0,promises_namespaceObject.stat)(absolute).catch(() => undefined);
        if (!info?.isFile() || info.size > MAX_HASHED_FILE_BYTES)
            continue;
        hashes.set(file, (0,external_node_crypto_namespaceObject.createHash)('sha256')
            .update(await (0,promises_namespaceObject.readFile)(absolute))
            .digest('hex'));
    }
    return hashes;
}

;// CONCATENATED MODULE: ./src/setup/resolve-sources.ts

/**
 * Turns the `sources` setting into what the source-map rule needs. `public` (or `auto` in a
 * public repository) hashes the files git tracks in `cwd`, so embedded sources the world already
 * has can be told from those it does not; without a checkout they keep their severity.
 */
async function resolveSources(setting, context, warnings) {
    if (setting === undefined || setting === 'private')
        return { sources: 'private' };
    if (setting === 'auto') {
        const isPublic = await context.isRepositoryPublic?.();
        if (isPublic === undefined) {
            warnings.push('sources: auto could not tell whether the repository is public, so embedded sources are treated as private');
        }
        if (isPublic !== true)
            return { sources: 'private' };
    }
    const publicSources = await hashTrackedFiles(context.cwd);
    if (!publicSources) {
        warnings.push(`sources: public compares embedded sources with the files git tracks, but ${context.cwd} is not a git checkout (actions/checkout first); embedded sources keep their severity`);
        return { sources: 'public' };
    }
    return { sources: 'public', publicSources };
}

;// CONCATENATED MODULE: ./src/setup/run-audit.ts










/**
 * Loads the policy, audits, compares with the baseline, then applies the policy once to every
 * finding (the baseline's own included): the one path the CLI and the action share.
 */
async function runAudit(artifacts, options) {
    const policyPath = options.config ?? (await findDefaultPolicy(options.cwd));
    const policy = policyPath !== undefined ? await loadPolicy(policyPath) : undefined;
    const failOn = options.failOn ?? policy?.failOn ?? 'error';
    const warnings = policy ? (0,rule_ids/* findUnknownRuleIds */.qC)(policy, knownRuleIds()) : [];
    const sources = await resolveSources(options.sources ?? policy?.sources, options, warnings);
    const rules = [
        ...activeRules(BUILTIN_RULES, policy),
        ...(policy ? [createPolicyRule(policy)] : [])
    ];
    const now = options.now ?? new Date();
    const postprocess = policy ? policyStep(policy, now) : undefined;
    const auditOptions = {
        rules,
        failOn,
        ruleOptions: sources
    };
    let report = await audit(artifacts, auditOptions);
    if (options.baseline !== undefined) {
        const loaded = await loadBaseline(options.baseline, {
            cwd: options.cwd,
            // The previous release goes through the same rules and policy, so "new" compares like with like.
            auditArtifacts: (inputs) => audit(inputs, { ...auditOptions, failOn: 'never', ...(postprocess ? { postprocess } : {}) })
        });
        if ('warning' in loaded)
            warnings.push(loaded.warning);
        else
            report = applyBaseline(report, loaded, {
                failOn,
                thresholds: resolveBaselineThresholds(policy?.baseline)
            });
    }
    if (postprocess) {
        const { findings, suppressed } = postprocess(report.findings);
        report = withFindings(report, findings, failOn, suppressed);
    }
    return {
        report,
        failOn,
        ...(policy ? { policy } : {}),
        ...(policyPath !== undefined ? { policyPath } : {}),
        warnings
    };
}
/** The policy's severity overrides and ignores, with its notices about the policy file itself. */
function policyStep(policy, now) {
    return (findings) => {
        const outcome = applyPolicy(findings, policy, now);
        return { findings: [...outcome.findings, ...outcome.notices], suppressed: outcome.suppressed };
    };
}

;// CONCATENATED MODULE: ./src/cli/args.ts


const OUTPUT_FORMATS = ['text', 'json', 'sarif'];
/** Bad command-line usage; the CLI prints it with the usage text and exits 2. */
class UsageError extends Error {
    name = 'UsageError';
}
const USAGE = `Usage: release-audit [options] [paths…]
       release-audit merge [options] <shard reports…>

Audits release artifacts (zip, tar, tgz, folders, files; nested archives included) for leaked
source maps, private files and secrets. With no path, audits what \`npm pack\` would publish from
the current folder. \`merge\` combines the JSON reports of matrix shards (files, globs or
zips holding them) into one report, as if one audit had seen everything.

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of standard output
  --fail-on LEVEL            error|warning|notice|never: lowest severity that fails (default: error)
  --config FILE              policy file (default: .github/release-audit.yml if present)
  --baseline SPEC            compare with a previous release: npm:<name>@<version|tag>, a path,
                             an earlier JSON report, or auto
  --sources private|public   whether source embedded in maps is already public (default: private);
                             public compares each embedded source with the files git tracks here
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or I/O error.
`;
function parseCliArgs(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: [...argv],
            allowPositionals: true,
            options: {
                format: { type: 'string' },
                output: { type: 'string', short: 'o' },
                'fail-on': { type: 'string' },
                config: { type: 'string', short: 'c' },
                baseline: { type: 'string' },
                sources: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' }
            }
        });
    }
    catch (error) {
        throw new UsageError(error.message);
    }
    const { values, positionals } = parsed;
    const merge = positionals[0] === 'merge';
    return {
        merge,
        paths: merge ? positionals.slice(1) : positionals,
        format: oneOf('--format', values.format ?? 'text', OUTPUT_FORMATS),
        ...(values.output !== undefined ? { output: values.output } : {}),
        ...(values['fail-on'] !== undefined
            ? { failOn: oneOf('--fail-on', values['fail-on'], report/* FAIL_ON_VALUES */.Q) }
            : {}),
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
        ...(values.sources !== undefined
            ? { sources: oneOf('--sources', values.sources, ['private', 'public', 'auto']) }
            : {}),
        help: values.help ?? false,
        version: values.version ?? false
    };
}
function oneOf(flag, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got '${value}'`);
}

;// CONCATENATED MODULE: ./src/cli/run-cli.ts












const EXIT_PASS = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;
/** The whole CLI as a function: arguments in, exit code out, output through `io`. */
async function runCli(argv, io) {
    let args;
    try {
        args = parseCliArgs(argv);
    }
    catch (error) {
        io.stderr(`release-audit: ${error.message}\n\n${USAGE}`);
        return EXIT_ERROR;
    }
    if (args.help)
        return (io.stdout(USAGE), EXIT_PASS);
    if (args.version)
        return (io.stdout(`${TOOL_VERSION}\n`), EXIT_PASS);
    const cleanups = [];
    try {
        const { report, failOn, warnings } = args.merge
            ? await mergeShards(args, io.cwd)
            : await runAudit(await collectArtifacts(args, io.cwd, cleanups), {
                cwd: io.cwd,
                ...(args.config !== undefined ? { config: args.config } : {}),
                ...(args.failOn !== undefined ? { failOn: args.failOn } : {}),
                ...(args.baseline !== undefined ? { baseline: args.baseline } : {}),
                ...(args.sources !== undefined ? { sources: args.sources } : {})
            });
        for (const warning of warnings)
            io.stderr(`release-audit: warning: ${warning}\n`);
        const rendered = render(report, args, failOn);
        if (args.output !== undefined) {
            await (0,promises_namespaceObject.writeFile)(external_node_path_default().resolve(io.cwd, args.output), rendered);
            io.stderr(`${renderVerdict(report, failOn)}\nreport written to ${args.output}\n`);
        }
        else {
            io.stdout(rendered);
        }
        return report.conclusion === 'failure' ? EXIT_FINDINGS : EXIT_PASS;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        io.stderr(`release-audit: ${message}\n${error instanceof UsageError ? `\n${USAGE}` : ''}`);
        return EXIT_ERROR;
    }
    finally {
        await Promise.all(cleanups.map((cleanup) => cleanup()));
    }
}
async function collectArtifacts(args, cwd, cleanups) {
    if (args.paths.length > 0)
        return resolvePaths(args.paths, cwd);
    const packed = await packCurrentPackage(cwd);
    cleanups.push(packed.cleanup);
    return [packed.artifact];
}
async function mergeShards(args, cwd) {
    if (args.paths.length === 0)
        throw new UsageError('merge needs the shard reports to merge');
    const failOn = args.failOn ?? 'error';
    const shards = await loadShardReports(await resolvePaths(args.paths, cwd));
    return { report: mergeReports(shards, failOn), failOn, warnings: [] };
}
function render(report, args, failOn) {
    switch (args.format) {
        case 'json':
            return renderJson(report);
        case 'sarif':
            return renderSarif(report);
        case 'text':
            return renderText(report, failOn);
    }
}


/***/ }),

/***/ 1247:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ lowerSeverity),
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Lc: () => (/* binding */ worstSeverity),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
const SEVERITIES = ['error', 'warning', 'notice'];
const SEVERITY_RANK = { error: 0, warning: 1, notice: 2 };
function severityRank(severity) {
    return SEVERITY_RANK[severity];
}
/** The more severe of two severities (for `reduce` over a list). */
function worstSeverity(a, b) {
    return severityRank(a) <= severityRank(b) ? a : b;
}
/** Lower a severity by one level (error → warning → notice → notice). */
function lowerSeverity(severity) {
    return severity === 'error' ? 'warning' : 'notice';
}
/** The report's order: severity, then artifact, path and line. */
function compareFindings(a, b) {
    return (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        compareText(a.artifact, b.artifact) ||
        compareText(a.path, b.path) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        compareText(a.rule, b.rule) ||
        compareText(a.message, b.message));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 594:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ REPORT_VERSION),
/* harmony export */   Q: () => (/* binding */ FAIL_ON_VALUES)
/* harmony export */ });
const REPORT_VERSION = 1;
const FAIL_ON_VALUES = ['error', 'warning', 'notice', 'never'];


/***/ }),

/***/ 6931:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ isExpired),
/* harmony export */   g: () => (/* binding */ parseCalendarDate)
/* harmony export */ });
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A calendar date as `YYYY-MM-DD`, from text or from the Date a YAML 1.1 timestamp becomes;
 * undefined for anything else, including impossible dates such as 2026-02-30.
 */
function parseCalendarDate(value) {
    if (value instanceof Date) {
        return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
    }
    if (typeof value !== 'string')
        return undefined;
    const match = DATE_PATTERN.exec(value.trim());
    if (!match)
        return undefined;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return valid ? value.trim() : undefined;
}
/** `until: 2026-12-31` still applies on that whole day (UTC) and stops applying after it. */
function isExpired(until, now) {
    return now.getTime() >= Date.parse(`${until}T00:00:00Z`) + DAY_MS;
}


/***/ }),

/***/ 4795:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ formatIssue),
/* harmony export */   p: () => (/* binding */ PolicyError)
/* harmony export */ });
/** `file:line:col: message`, the form editors and terminals make clickable. */
function formatIssue(issue) {
    const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
    return `${where}: ${issue.message}`;
}
/** The policy file is missing, unreadable or invalid; the message lists every problem found. */
class PolicyError extends Error {
    name = 'PolicyError';
    file;
    issues;
    constructor(file, issues) {
        super(issues.map(formatIssue).join('\n'));
        this.file = file;
        this.issues = issues;
    }
}


/***/ }),

/***/ 561:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ familyOf),
/* harmony export */   Ib: () => (/* binding */ matchesRule),
/* harmony export */   jI: () => (/* binding */ wildcardFamily),
/* harmony export */   qC: () => (/* binding */ findUnknownRuleIds),
/* harmony export */   xV: () => (/* binding */ isRulePattern)
/* harmony export */ });
/* unused harmony export RULE_PATTERN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4795);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5016);


/** `family/name` or `family/*`: lowercase letters, digits and dashes, as every rule id is spelt. */
const RULE_PATTERN = /^[a-z][a-z0-9-]*\/(?:\*|[a-z0-9][a-z0-9-]*)$/;
function isRulePattern(text) {
    return RULE_PATTERN.test(text);
}
/** `secret/*` → `secret`; undefined for an exact id. */
function wildcardFamily(pattern) {
    return pattern.endsWith('/*') ? pattern.slice(0, -2) : undefined;
}
function familyOf(ruleId) {
    const slash = ruleId.indexOf('/');
    return slash === -1 ? ruleId : ruleId.slice(0, slash);
}
/** Whether a rule id or family wildcard from the policy covers `ruleId`. */
function matchesRule(pattern, ruleId) {
    const family = wildcardFamily(pattern);
    return family === undefined ? pattern === ruleId : familyOf(ruleId) === family;
}
/**
 * Warnings for rule ids in `rules` and `ignore` that match no rule the tool knows (a typo such as
 * `sourcemap/fiel` would otherwise silently do nothing), with the closest known id suggested.
 * The policy validator cannot do this itself: the rule registry is assembled elsewhere.
 */
function findUnknownRuleIds(policy, knownIds) {
    const known = [...knownIds];
    const families = [...new Set(known.map(familyOf))].map((family) => `${family}/*`);
    const covers = (pattern) => known.some((id) => matchesRule(pattern, id));
    const used = [
        ...policy.rules.map((r) => ({ pattern: r.rule, at: r.at, key: `rules.${r.rule}` })),
        ...policy.ignore.map((e) => ({ pattern: e.rule, at: e.at, key: `ignore[${e.index}].rule` }))
    ];
    return used
        .filter(({ pattern }) => !covers(pattern))
        .map(({ pattern, at, key }) => {
        const candidates = wildcardFamily(pattern) === undefined ? known : families;
        const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSuggestion */ .G)(pattern, candidates);
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatIssue */ .H)({
            file: policy.file,
            ...at,
            key,
            message: `${key}: '${pattern}' matches no rule release-audit knows, so it has no effect${hint}`
        });
    });
}


/***/ }),

/***/ 5016:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ describeSuggestion)
/* harmony export */ });
/* unused harmony export suggestClosest */
/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
 * (at most a third of the word's length, and at least 1 edit allowed), or else one the word
 * abbreviates (`warn` → `warning`); otherwise undefined.
 */
function suggestClosest(word, candidates) {
    const list = [...candidates];
    const closest = findClosest(word, list);
    if (closest !== undefined || word.length < 3)
        return closest;
    return list.find((c) => c.toLowerCase().startsWith(word.toLowerCase()));
}
function findClosest(word, candidates) {
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = measureEditDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
/** `; did you mean 'allow'?` or '' when nothing is close. */
function describeSuggestion(word, candidates) {
    const closest = suggestClosest(word, candidates);
    return closest === undefined ? '' : `; did you mean '${closest}'?`;
}
/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit. */
function measureEditDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= b.length; j++)
        rows[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    return rows[a.length][b.length];
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
