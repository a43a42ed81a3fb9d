/** One piece of a YAML line, with what it is for the highlighter. */
export interface YamlToken {
  text: string;
  kind: 'indent' | 'dash' | 'key' | 'colon' | 'string' | 'number' | 'literal' | 'comment' | 'plain';
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s:#'"][^:#]*?))(:)(?=\s|$)/;

function valueKind(value: string): YamlToken['kind'] {
  if (/^(true|false|null|~)$/.test(value)) return 'literal';
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return 'number';
  if (/^["']/.test(value)) return 'string';
  if (/^[|>][-+]?$/.test(value)) return 'literal';
  return 'string';
}

/**
 * Splits one line of block-style YAML (what the BFF's `yaml` stringify writes) into tokens: enough
 * to colour keys, strings, numbers and literals, without a parser in the browser's bundle.
 * Lines inside a block scalar (`|`) come through as plain text: the caller says so with `inBlock`.
 */
export function tokenizeYamlLine(line: string, inBlock = false): YamlToken[] {
  const tokens: YamlToken[] = [];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  if (indent) tokens.push({ text: indent, kind: 'indent' });
  let rest = line.slice(indent.length);
  if (inBlock) {
    if (rest) tokens.push({ text: rest, kind: 'string' });
    return tokens;
  }
  if (rest.startsWith('#')) return [...tokens, { text: rest, kind: 'comment' }];
  while (rest.startsWith('- ') || rest === '-') {
    tokens.push({ text: rest === '-' ? '-' : '- ', kind: 'dash' });
    rest = rest.slice(2);
  }
  const key = KEY.exec(rest);
  if (key) {
    tokens.push({ text: key[1]!, kind: 'key' }, { text: ':', kind: 'colon' });
    rest = rest.slice(key[0].length);
    const space = /^\s*/.exec(rest)?.[0] ?? '';
    if (space) tokens.push({ text: space, kind: 'plain' });
    rest = rest.slice(space.length);
  }
  if (rest) tokens.push({ text: rest, kind: valueKind(rest) });
  return tokens;
}

/** Whether a line opens a block scalar (`key: |`), whose deeper-indented lines are text. */
export function opensBlock(line: string): boolean {
  return /:\s*[|>][-+]?\s*$/.test(line) || /^\s*-\s+[|>][-+]?\s*$/.test(line);
}

/** Tokens of every line, following block scalars by their indentation. */
export function tokenizeYaml(yaml: string): YamlToken[][] {
  const lines = yaml.replace(/\n$/, '').split('\n');
  const out: YamlToken[][] = [];
  let blockIndent: number | undefined;
  let opener = -1;
  for (const line of lines) {
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    if (blockIndent !== undefined && (line.trim() === '' || indent > opener)) {
      out.push(tokenizeYamlLine(line, true));
      continue;
    }
    blockIndent = undefined;
    out.push(tokenizeYamlLine(line));
    if (opensBlock(line)) {
      blockIndent = indent + 1;
      opener = indent;
    }
  }
  return out;
}
