import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DotenvEditError,
  parseDotenvLines,
  readDotenv,
  setDotenvKeys,
} from '../../../electron/core/fixes/dotenv-edit.ts';

test('keys change in place with export, quoting, comments and CRLF kept; missing ones are appended', () => {
  const text = '# mine\r\nexport HTTPS_PROXY="http://old:1" # old\r\nOTHER=1\r\nNO_PROXY=corp';
  const out = setDotenvKeys(text, [
    ['HTTPS_PROXY', 'http://127.0.0.1:7890'],
    ['HTTP_PROXY', 'http://127.0.0.1:7890'],
    ['NO_PROXY', 'corp,localhost'],
  ]);
  assert.equal(
    out,
    '# mine\r\nexport HTTPS_PROXY="http://127.0.0.1:7890" # old\r\nOTHER=1\r\nNO_PROXY=corp,localhost\r\nHTTP_PROXY=http://127.0.0.1:7890\r\n',
  );
});

test('a new file, single quotes for a value with $, and unchanged values left byte-identical', () => {
  assert.equal(setDotenvKeys(null, [['A', 'x$y']]).trim(), "A='x$y'");
  const same = 'A=1 # c\n';
  assert.equal(setDotenvKeys(same, [['A', '1']]), same);
});

test('odd lines are never rewritten, and a key on an odd line is refused', () => {
  const text = 'not a variable\nA=1\n';
  assert.equal(setDotenvKeys(text, [['A', '2']]), 'not a variable\nA=2\n');
  assert.throws(() => setDotenvKeys('B="unterminated\n', [['B', 'x']]), DotenvEditError);
  assert.deepEqual(
    parseDotenvLines(text).map((l) => l.kind),
    ['odd', 'entry'],
  );
});

test('multi-line quoted values are one entry', () => {
  const text = 'K="a\nb"\nA=1\n';
  assert.deepEqual(
    [...readDotenv(text).entries()],
    [
      ['K', 'a\nb'],
      ['A', '1'],
    ],
  );
  assert.equal(setDotenvKeys(text, [['A', '2']]), 'K="a\nb"\nA=2\n');
});

test('an empty value followed by a comment: the value is set, the comment stays a comment (as Codex reads .env)', async () => {
  const { parseDotenv } = await import('../../../electron/core/codex/dotenv.ts');
  for (const line of ['HTTPS_PROXY= # old note', 'HTTPS_PROXY=   # old note']) {
    assert.equal(readDotenv(line + '\n').get('HTTPS_PROXY'), '', line);
    const out = setDotenvKeys(line + '\n', [['HTTPS_PROXY', 'http://127.0.0.1:7890']]);
    assert.match(out, /^HTTPS_PROXY= *http:\/\/127\.0\.0\.1:7890 # old note\n$/);
    // Codex's own reading of the result: the URL alone, the note still a comment.
    const entry = parseDotenv(out).entries.find((e) => e.key === 'HTTPS_PROXY');
    assert.equal(entry?.value, 'http://127.0.0.1:7890');
  }
  // Without whitespace before it, dotenvy keeps `#` in the value: so does the editor.
  assert.equal(readDotenv('A=#not-a-comment\n').get('A'), '#not-a-comment');
});
