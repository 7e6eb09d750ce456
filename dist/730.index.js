export const id = 730;
export const ids = [730];
export const modules = {

/***/ 99730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parsePolicy: () => (/* binding */ parsePolicy)
});

// UNUSED EXPORTS: POLICY_KEYS, SOURCES_VALUES, createEmptyPolicy

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/engine/report.ts
var report = __webpack_require__(594);
// EXTERNAL MODULE: ./src/policy/errors.ts
var errors = __webpack_require__(44795);
// EXTERNAL MODULE: ./src/policy/suggest.ts
var suggest = __webpack_require__(65016);
;// CONCATENATED MODULE: ./src/policy/reader.ts


/** Anchors and aliases are resolved, but a file expanding into more than this is rejected. */
const MAX_ALIAS_USES = 100;
/** `ignore` + 1 → `ignore[1]`, `ignore[1]` + `reason` → `ignore[1].reason`. */
function joinKey(parent, child) {
    if (typeof child === 'number')
        return `${parent}[${child}]`;
    return parent === '' ? child : `${parent}.${child}`;
}
/**
 * Walks the parsed YAML with positions: every read either returns a typed value or records an
 * issue at the offending node and returns undefined, so one pass collects every problem.
 */
class PolicyReader {
    file;
    doc;
    lines;
    issues = [];
    aliasUses = 0;
    constructor(file, doc, lines) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
    }
    positionOf(node) {
        const offset = node?.range?.[0] ?? 0;
        const { line, col } = this.lines.linePos(offset);
        return { line: Math.max(line, 1), column: Math.max(col, 1) };
    }
    report(node, key, message) {
        this.issues.push({ file: this.file, ...this.positionOf(node), key, message });
    }
    /** Follows an alias to its anchored node. */
    resolve(node) {
        if (!node || !(0,dist/* isAlias */.Vj)(node))
            return node ?? null;
        if (++this.aliasUses > MAX_ALIAS_USES) {
            this.report(node, '', `more than ${MAX_ALIAS_USES} alias uses (*name); write the values out`);
            return null;
        }
        return node.resolve(this.doc) ?? null;
    }
    /** True for `key:` with no value (or an explicit `~`/`null`). */
    isEmpty(node) {
        const resolved = this.resolve(node);
        return resolved === null || ((0,dist/* isScalar */.jn)(resolved) && resolved.value === null);
    }
    /**
     * A mapping's entries by key. With `allowed`, any other key is reported (with the closest
     * allowed key as a suggestion); without it, any text key is accepted (rule ids).
     */
    readMap(node, key, allowed) {
        const resolved = this.resolve(node);
        if (!(0,dist/* isMap */.jh)(resolved)) {
            this.report(node, key, `${describeKey(key)} must be a mapping (key: value lines)`);
            return undefined;
        }
        const entries = new Map();
        for (const pair of resolved.items) {
            const keyNode = pair.key;
            const name = (0,dist/* isScalar */.jn)(keyNode) ? keyNode.value : undefined;
            if (typeof name !== 'string') {
                this.report(keyNode, key, `${describeKey(key)} has a key that is not text`);
                continue;
            }
            if (allowed && !allowed.includes(name)) {
                const where = key === '' ? '' : ` in ${key}`;
                const options = `valid keys: ${allowed.join(', ')}`;
                const hint = (0,suggest/* describeSuggestion */.G)(name, allowed) || ` (${options})`;
                this.report(keyNode, joinKey(key, name), `unknown key '${name}'${where}${hint}`);
                continue;
            }
            entries.set(name, { name, keyNode, value: pair.value ?? null });
        }
        return entries;
    }
    readList(node, key) {
        const resolved = this.resolve(node);
        if (!(0,dist/* isSeq */.oP)(resolved)) {
            this.report(node, key, `${key} must be a list (lines starting with '- ')`);
            return undefined;
        }
        return resolved.items.map((item) => item ?? null);
    }
    /** A scalar's value (strings, numbers, booleans), aliases resolved; undefined for collections. */
    readScalar(node) {
        const resolved = this.resolve(node);
        return (0,dist/* isScalar */.jn)(resolved) ? resolved.value : undefined;
    }
    readString(node, key) {
        const value = this.readScalar(node);
        if (typeof value === 'string' && value.trim() !== '')
            return value;
        this.report(node, key, `${key} must be non-empty text${describeGot(value, node)}`);
        return undefined;
    }
    readEnum(node, key, values) {
        const value = this.readScalar(node);
        if (typeof value === 'string' && values.includes(value))
            return value;
        const hint = typeof value === 'string' ? (0,suggest/* describeSuggestion */.G)(value, values) : '';
        this.report(node, key, `${key} must be one of ${values.join(', ')}${describeGot(value, node)}${hint}`);
        return undefined;
    }
    readNumber(node, key, options = {}) {
        const value = this.readScalar(node);
        const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0;
        if (ok && (!options.integer || Number.isInteger(value)))
            return value;
        const kind = options.integer ? 'a whole number' : 'a number';
        this.report(node, key, `${key} must be ${kind}, 0 or more${describeGot(value, node)}`);
        return undefined;
    }
    readBoolean(node, key) {
        const value = this.readScalar(node);
        if (typeof value === 'boolean')
            return value;
        this.report(node, key, `${key} must be true or false${describeGot(value, node)}`);
        return undefined;
    }
}
function describeKey(key) {
    return key === '' ? 'the policy file' : key;
}
/** `, not 'x'` / `, not a list` — what was found instead, kept short. */
function describeGot(value, node) {
    if (value === undefined) {
        if ((0,dist/* isSeq */.oP)(node))
            return ', not a list';
        if ((0,dist/* isMap */.jh)(node))
            return ', not a mapping';
        return '';
    }
    if (value === null)
        return ' (it is empty)';
    const text = describeValue(value);
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return typeof value === 'string' ? `, not '${shown}'` : `, not ${shown}`;
}
function describeValue(value) {
    if (value instanceof Date)
        return value.toISOString().slice(0, 10);
    switch (typeof value) {
        case 'string':
            return value;
        case 'number':
        case 'boolean':
        case 'bigint':
            return `${value}`;
        default:
            return JSON.stringify(value) ?? typeof value;
    }
}

// EXTERNAL MODULE: ./src/engine/finding.ts
var finding = __webpack_require__(91247);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/policy/dates.ts
var dates = __webpack_require__(86931);
// EXTERNAL MODULE: ./src/policy/rule-ids.ts
var rule_ids = __webpack_require__(561);
;// CONCATENATED MODULE: ./src/policy/read-rules.ts





const RULE_LEVELS = [...finding/* SEVERITIES */.oC, 'off'];
const IGNORE_KEYS = ['rule', 'path', 'artifact', 'reason', 'until'];
const RULE_ID_HINT = "a rule id such as 'sourcemap/file' or a family wildcard such as 'secret/*'";
/** `rules:` — rule id or family wildcard → severity or `off`. */
function readRuleSettings(reader, node) {
    const entries = reader.readMap(node, 'rules');
    if (!entries)
        return [];
    const settings = [];
    for (const { name, keyNode, value } of entries.values()) {
        const key = joinKey('rules', name);
        if (!(0,rule_ids/* isRulePattern */.xV)(name)) {
            reader.report(keyNode, key, `rules: '${name}' is not ${RULE_ID_HINT}`);
            continue;
        }
        const level = reader.readEnum(value, key, RULE_LEVELS);
        if (level)
            settings.push({ rule: name, level, at: reader.positionOf(keyNode) });
    }
    return settings;
}
/** `ignore:` — each entry needs a rule, a path glob and a reason; artifact and until are optional. */
function readIgnoreEntries(reader, node) {
    const items = reader.readList(node, 'ignore') ?? [];
    const entries = [];
    items.forEach((item, index) => {
        const key = joinKey('ignore', index);
        const fields = reader.readMap(item, key, IGNORE_KEYS);
        if (!fields)
            return;
        const need = (field, why) => {
            const entry = fields.get(field);
            if (entry && !reader.isEmpty(entry.value))
                return entry.value;
            reader.report(entry?.value ?? item, joinKey(key, field), `${joinKey(key, field)} is required: ${why}`);
            return undefined;
        };
        const ruleNode = need('rule', 'name the rule id or family wildcard, e.g. private-file/agent or secret/*');
        const pathNode = need('path', "give a glob on the finding's path, e.g. 'package/docs/**' ('**' for all)");
        const reasonNode = need('reason', 'say why this finding may ship');
        const rule = ruleNode && readRulePattern(reader, ruleNode, joinKey(key, 'rule'));
        const path = pathNode && readGlob(reader, pathNode, joinKey(key, 'path'));
        const reason = reasonNode && reader.readString(reasonNode, joinKey(key, 'reason'));
        const artifactField = fields.get('artifact');
        const artifact = artifactField && readGlob(reader, artifactField.value, joinKey(key, 'artifact'));
        const untilField = fields.get('until');
        const until = untilField && readDate(reader, untilField.value, joinKey(key, 'until'));
        if (!rule || !path || !reason || (artifactField && !artifact) || (untilField && !until))
            return;
        entries.push({
            index,
            rule,
            path,
            reason,
            ...(artifact ? { artifact } : {}),
            ...(until ? { until } : {}),
            at: reader.positionOf(item)
        });
    });
    return entries;
}
/** `allow:` — globs of the files expected in every artifact; `!glob` excludes. */
function readAllowList(reader, node) {
    const items = reader.readList(node, 'allow');
    if (!items)
        return undefined;
    if (items.length === 0) {
        reader.report(node, 'allow', 'allow is an empty list, which would flag every file; remove the key to allow everything');
        return undefined;
    }
    const globs = items.map((item, i) => readGlob(reader, item, joinKey('allow', i)));
    return globs.every((g) => g !== undefined) ? globs : undefined;
}
function readRulePattern(reader, node, key) {
    const value = reader.readScalar(node);
    if (typeof value === 'string' && (0,rule_ids/* isRulePattern */.xV)(value))
        return value;
    reader.report(node, key, `${key} must be ${RULE_ID_HINT}${describeGot(value, node)}`);
    return undefined;
}
/** A glob over paths inside an artifact, which never start with `/` or `./`. */
function readGlob(reader, node, key) {
    const glob = reader.readString(node, key);
    if (glob === undefined)
        return undefined;
    const bare = glob.replace(/^!/, '');
    if (bare.startsWith('/') || bare.startsWith('./')) {
        const fixed = bare.replace(/^\.?\/+/, '');
        reader.report(node, key, `${key}: paths inside an artifact never start with '/' or './'; write '${fixed}'`);
        return undefined;
    }
    try {
        picomatch_default().makeRe(glob, { dot: true });
    }
    catch (error) {
        reader.report(node, key, `${key} is not a valid glob: ${error.message}`);
        return undefined;
    }
    return glob;
}
function readDate(reader, node, key) {
    const value = reader.readScalar(node);
    const date = (0,dates/* parseCalendarDate */.g)(value);
    if (date === undefined) {
        reader.report(node, key, `${key} must be a date written YYYY-MM-DD, e.g. 2026-12-31${describeGot(value, node)}`);
    }
    return date;
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
;// CONCATENATED MODULE: ./src/policy/backtracking-guard.ts

let guarded = false;
/**
 * Lets V8 finish a search that backtracks too much (over 50,000 backtracks in one run: `(a+)+b`
 * on `aaaa…c`) with its linear-time engine, instead of a user's `forbid` pattern hanging the
 * audit on an unlucky file. Process-wide, for regexes run from then on; it only ever takes over
 * patterns that engine supports (no lookaround, backreference, `i` or `u` flag), and only once
 * they backtrack that much: every other regex runs as before.
 */
function guardAgainstBacktracking() {
    if (guarded)
        return;
    guarded = true;
    external_node_v8_default().setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}

;// CONCATENATED MODULE: ./src/policy/read-forbid.ts




const FORBID_KEYS = [
    'name',
    'pattern',
    'literal',
    'ignore-case',
    'paths',
    'severity'
];
/** `forbid:` — named patterns (JS regular expressions) or literals that must not ship. */
function readForbidEntries(reader, node) {
    const items = reader.readList(node, 'forbid') ?? [];
    const entries = [];
    const names = new Map();
    items.forEach((item, index) => {
        const key = joinKey('forbid', index);
        const fields = reader.readMap(item, key, FORBID_KEYS);
        if (!fields)
            return;
        const field = (name) => fields.get(name)?.value ?? null;
        const name = fields.has('name')
            ? reader.readString(field('name'), joinKey(key, 'name'))
            : reader.report(item, joinKey(key, 'name'), `${joinKey(key, 'name')} is required: findings report the name, never the text matched`);
        if (name !== undefined && names.has(name)) {
            reader.report(field('name'), joinKey(key, 'name'), `${joinKey(key, 'name')} '${name}' is already used by ${names.get(name)}; names tell findings apart`);
        }
        else if (name !== undefined) {
            names.set(name, key);
        }
        const ignoreCase = fields.has('ignore-case')
            ? reader.readBoolean(field('ignore-case'), joinKey(key, 'ignore-case'))
            : false;
        const regex = readMatcher(reader, item, key, fields.has('pattern'), fields.has('literal'), field, ignoreCase ?? false);
        const paths = fields.has('paths')
            ? readPathFilter(reader, field('paths'), joinKey(key, 'paths'))
            : [];
        const severity = fields.has('severity')
            ? reader.readEnum(field('severity'), joinKey(key, 'severity'), finding/* SEVERITIES */.oC)
            : undefined;
        if (name === undefined || !regex || !paths || ignoreCase === undefined)
            return;
        if (fields.has('severity') && !severity)
            return;
        entries.push({
            name,
            regex,
            ...(paths.length > 0 ? { paths } : {}),
            ...(severity ? { severity } : {}),
            at: reader.positionOf(item)
        });
    });
    return entries;
}
function readMatcher(reader, item, key, hasPattern, hasLiteral, field, ignoreCase) {
    const flags = ignoreCase ? 'gmi' : 'gm';
    if (hasPattern === hasLiteral) {
        const problem = hasPattern
            ? 'has both pattern and literal; keep one'
            : "needs 'pattern' (a regular expression) or 'literal' (exact text)";
        reader.report(item, key, `${key} ${problem}`);
        return undefined;
    }
    if (hasLiteral) {
        const literal = reader.readString(field('literal'), joinKey(key, 'literal'));
        return literal === undefined ? undefined : new RegExp(escapeRegExp(literal), flags);
    }
    const patternKey = joinKey(key, 'pattern');
    const source = reader.readString(field('pattern'), patternKey);
    if (source === undefined)
        return undefined;
    let regex;
    guardAgainstBacktracking();
    try {
        regex = new RegExp(source, flags);
    }
    catch (error) {
        reader.report(field('pattern'), patternKey, `${patternKey} is not a valid regular expression: ${describeRegExpError(error)}`);
        return undefined;
    }
    if (regex.exec('') !== null) {
        reader.report(field('pattern'), patternKey, `${patternKey} matches empty text, so it would match everywhere; make it match at least one character`);
        return undefined;
    }
    regex.lastIndex = 0;
    return regex;
}
function readPathFilter(reader, node, key) {
    if (typeof reader.readScalar(node) === 'string') {
        const glob = readGlob(reader, node, key);
        return glob === undefined ? undefined : [glob];
    }
    const items = reader.readList(node, key);
    if (!items)
        return undefined;
    if (items.length === 0) {
        reader.report(node, key, `${key} is an empty list, so the pattern would check nothing; remove it to check every text file`);
        return undefined;
    }
    const globs = items.map((item, i) => readGlob(reader, item, joinKey(key, i)));
    return globs.every((g) => g !== undefined) ? globs : undefined;
}
/** V8 says `Invalid regular expression: /<source>/gm: Unterminated group`; keep only the reason. */
function describeRegExpError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /\/[a-z]*: ([^:]+)$/.exec(message);
    return reason ? reason[1] : message;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/policy/units.ts
/** Bytes per unit: kB/KB/MB/GB are decimal (as npm and most dashboards print), KiB/MiB/GiB binary. */
const BYTE_UNITS = {
    B: 1,
    kB: 1000,
    KB: 1000,
    KiB: 1024,
    MB: 1000 ** 2,
    MiB: 1024 ** 2,
    GB: 1000 ** 3,
    GiB: 1024 ** 3
};
/** `20 MB`, `1.5MiB`, `512`: the form the JSON Schema's pattern accepts too. */
const BYTE_SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KB|KiB|MB|MiB|GB|GiB)?\s*$/;
/** A byte count from a number or a string with a unit; undefined when it is neither. */
function parseByteSize(value) {
    if (typeof value === 'number') {
        return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
    }
    if (typeof value !== 'string')
        return undefined;
    const match = BYTE_SIZE_PATTERN.exec(value);
    if (!match)
        return undefined;
    const bytes = Math.floor(Number(match[1]) * BYTE_UNITS[match[2] ?? 'B']);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}

;// CONCATENATED MODULE: ./src/policy/read-limits.ts


const BUDGET_KEYS = ['total-bytes', 'file-bytes', 'files'];
const BASELINE_KEYS = ['max-growth-percent', 'min-file-bytes'];
const GROWTH_KEYS = ['total', 'file', 'files'];
/** `budgets:` — size and count limits per artifact. */
function readBudgets(reader, node) {
    const fields = reader.readMap(node, 'budgets', BUDGET_KEYS);
    if (!fields)
        return {};
    const totalBytes = readByteSizeField(reader, fields.get('total-bytes'), 'budgets.total-bytes');
    const fileBytes = readByteSizeField(reader, fields.get('file-bytes'), 'budgets.file-bytes');
    const filesField = fields.get('files');
    const files = filesField && reader.readNumber(filesField.value, 'budgets.files', { integer: true });
    return {
        ...(totalBytes ? { totalBytes } : {}),
        ...(fileBytes ? { fileBytes } : {}),
        ...(files !== undefined ? { files } : {})
    };
}
/** `baseline:` — thresholds of the baseline/* rules, kept in the YAML's own key names. */
function readBaselineSettings(reader, node) {
    const fields = reader.readMap(node, 'baseline', BASELINE_KEYS);
    if (!fields)
        return {};
    const settings = {};
    const growthField = fields.get('max-growth-percent');
    if (growthField) {
        const key = 'baseline.max-growth-percent';
        const growth = reader.readMap(growthField.value, key, GROWTH_KEYS);
        const percents = {};
        for (const { name, value } of growth?.values() ?? []) {
            const percent = reader.readNumber(value, joinKey(key, name));
            if (percent !== undefined)
                percents[name] = percent;
        }
        settings['max-growth-percent'] = percents;
    }
    const minFileBytes = readByteSizeField(reader, fields.get('min-file-bytes'), 'baseline.min-file-bytes');
    if (minFileBytes)
        settings['min-file-bytes'] = minFileBytes.bytes;
    return settings;
}
function readByteSizeField(reader, field, key) {
    if (!field)
        return undefined;
    const value = reader.readScalar(field.value);
    const bytes = parseByteSize(value);
    if (bytes !== undefined)
        return { bytes, text: typeof value === 'string' ? value.trim() : `${bytes} B` };
    const units = Object.keys(BYTE_UNITS).join(', ');
    reader.report(field.value, key, `${key} must be a whole number of bytes or a size with a unit (${units}), e.g. 20 MB${describeGot(value, field.value)}`);
    return undefined;
}

;// CONCATENATED MODULE: ./src/policy/schema.ts







const POLICY_KEYS = [
    'rules',
    'ignore',
    'allow',
    'forbid',
    'budgets',
    'sources',
    'baseline',
    'fail-on'
];
const SOURCES_VALUES = ['private', 'public', 'auto'];
/** Past this many problems the rest are not listed; fixing these first usually fixes many. */
const MAX_ISSUES = 20;
/** A policy with nothing set, for callers that run without a policy file. */
function createEmptyPolicy(file = '(no policy file)') {
    return { file, rules: [], ignore: [], forbid: [], budgets: {} };
}
/**
 * Parses and validates a policy file's text. Throws PolicyError listing every problem as
 * `file:line:col: key message`; YAML syntax errors come the same way.
 */
function parsePolicy(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false });
    const syntax = [...doc.errors, ...doc.warnings];
    if (syntax.length > 0) {
        throw new errors/* PolicyError */.p(file, limitIssues(syntax.map((e) => describeSyntaxError(e, file, lines)), file));
    }
    const reader = new PolicyReader(file, doc, lines);
    const policy = readPolicy(reader, doc.contents);
    if (reader.issues.length > 0) {
        const issues = [...reader.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
        throw new errors/* PolicyError */.p(file, limitIssues(issues, file));
    }
    return policy;
}
function readPolicy(reader, root) {
    const policy = createEmptyPolicy(reader.file);
    if (reader.isEmpty(root))
        return policy;
    const fields = reader.readMap(root, '', POLICY_KEYS);
    if (!fields)
        return policy;
    /** A collection key written with nothing under it (all entries commented out) is just unset. */
    const present = (key) => {
        const field = fields.get(key);
        return field && !reader.isEmpty(field.value) ? field.value : undefined;
    };
    const value = (key) => fields.get(key)?.value ?? null;
    const rules = present('rules');
    const ignore = present('ignore');
    const allow = present('allow');
    const forbid = present('forbid');
    const budgets = present('budgets');
    const baseline = present('baseline');
    if (rules)
        policy.rules = readRuleSettings(reader, rules);
    if (ignore)
        policy.ignore = readIgnoreEntries(reader, ignore);
    if (allow) {
        const globs = readAllowList(reader, allow);
        if (globs)
            policy.allow = globs;
    }
    if (forbid)
        policy.forbid = readForbidEntries(reader, forbid);
    if (budgets)
        policy.budgets = readBudgets(reader, budgets);
    if (baseline)
        policy.baseline = readBaselineSettings(reader, baseline);
    if (fields.has('sources')) {
        const sources = reader.readEnum(value('sources'), 'sources', SOURCES_VALUES);
        if (sources)
            policy.sources = sources;
    }
    if (fields.has('fail-on')) {
        const failOn = reader.readEnum(value('fail-on'), 'fail-on', report/* FAIL_ON_VALUES */.Q);
        if (failOn)
            policy.failOn = failOn;
    }
    return policy;
}
function limitIssues(issues, file) {
    if (issues.length <= MAX_ISSUES)
        return issues;
    const rest = issues.length - MAX_ISSUES;
    return [
        ...issues.slice(0, MAX_ISSUES),
        { file, key: '', message: `${rest} more problems not listed` }
    ];
}
function describeSyntaxError(error, file, lines) {
    const { line, col } = lines.linePos(error.pos[0]);
    const message = error.code === 'MULTIPLE_DOCS'
        ? "the policy file must hold one YAML document; remove the '---' separator"
        : error.message;
    return {
        file,
        line: Math.max(line, 1),
        column: Math.max(col, 1),
        key: '',
        message: `YAML syntax error: ${message}`
    };
}


/***/ })

};
