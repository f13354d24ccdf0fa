// A small syntax tokenizer: splits code into typed tokens that the code widget renders as text spans.

export type TokenType = 'comment' | 'string' | 'number' | 'keyword' | 'literal' | 'punct' | 'plain';
export interface Token {
  type: TokenType;
  text: string;
}

const words = (s: string): Set<string> => new Set(s.split(' '));

const KEYWORDS: Record<string, Set<string>> = {
  js: words('const let var function return if else for while do break continue switch case default new class extends import export from as async await try catch finally throw typeof instanceof in of yield delete void this super static get set interface type enum implements public private protected readonly declare namespace keyof'),
  python: words('def return if elif else for while break continue class import from as with try except finally raise lambda yield pass in is not and or global nonlocal async await assert del print self'),
  sql: words('select from where group by order having limit offset join left right inner outer full cross on as and or not in is like between case when then else end insert into values update set delete create table view index drop alter with union all distinct asc desc count sum avg min max date_trunc over partition coalesce cast'),
  shell: words('if then else elif fi for in do done while case esac function return export local echo cd sudo exit set'),
  go: words('func return if else for range break continue switch case default package import type struct interface map chan go defer select var const'),
  rust: words('fn let mut return if else for while loop break continue match impl struct enum trait pub use mod crate self super where as ref move async await dyn'),
  generic: words('function return if else for while class import from const let var def public private static void new try catch'),
};
const LITERALS = words('true false null undefined None True False nil NULL TRUE FALSE');

const ALIASES: Record<string, string> = {
  javascript: 'js', ts: 'js', typescript: 'js', jsx: 'js', tsx: 'js', json: 'js', mjs: 'js',
  py: 'python', bash: 'shell', sh: 'shell', zsh: 'shell', console: 'shell', postgres: 'sql', postgresql: 'sql', sqlite: 'sql', mysql: 'sql',
  golang: 'go', rs: 'rust',
};

function lineComment(lang: string): RegExp {
  if (lang === 'sql') return /--[^\n]*/y;
  if (lang === 'python' || lang === 'shell') return /#[^\n]*/y;
  return /\/\/[^\n]*/y;
}

export function languageOf(language: string | undefined): string {
  const l = (language ?? '').toLowerCase();
  return ALIASES[l] ?? (KEYWORDS[l] ? l : 'generic');
}

/** Tokenizes in one linear pass with sticky regexes; unknown text stays plain. */
export function tokenize(code: string, language?: string): Token[] {
  const lang = languageOf(language);
  const keywords = KEYWORDS[lang] ?? KEYWORDS.generic!;
  const caseless = lang === 'sql';
  const rules: [TokenType, RegExp][] = [
    ['comment', lineComment(lang)],
    ['comment', /\/\*[\s\S]*?(\*\/|$)/y],
    ['string', /"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\.)*`?/y],
    ['number', /\b(?:0x[\da-f]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)\b/iy],
    ['plain', /[A-Za-z_$][\w$]*/y],
    ['punct', /[{}()[\];,.:<>=!+\-*/%&|^~?@]+/y],
    ['plain', /\s+/y],
  ];
  const tokens: Token[] = [];
  const push = (type: TokenType, text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.type === type) last.text += text;
    else tokens.push({ type, text });
  };
  let pos = 0;
  outer: while (pos < code.length) {
    for (const [type, re] of rules) {
      // Python/shell have no block comments; SQL has no backtick strings worth colouring the same way.
      if (type === 'comment' && re.source.startsWith('\\/\\*') && (lang === 'python' || lang === 'shell')) continue;
      re.lastIndex = pos;
      const m = re.exec(code);
      if (!m || m[0] === '') continue;
      let t: TokenType = type;
      if (type === 'plain' && /^[A-Za-z_$]/.test(m[0])) {
        const w = caseless ? m[0].toLowerCase() : m[0];
        t = keywords.has(w) ? 'keyword' : LITERALS.has(m[0]) ? 'literal' : 'plain';
      }
      push(t, m[0]);
      pos += m[0].length;
      continue outer;
    }
    push('plain', code[pos]!);
    pos++;
  }
  return tokens;
}
