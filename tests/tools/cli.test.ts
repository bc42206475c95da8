/**
 * `policy-explainer check`: a merchant's policy file checked before it goes live. What matters to
 * them: each problem at the right line and column with its path, the exit status a script or a CI
 * reads, and, for a valid file, the promises shoppers will read today.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type FileReport } from '../../src/cli/policy-explainer.js';
import { locate, place } from '../../src/cli/findings.js';

const root = new URL('../../', import.meta.url);
const fixture = (path: string) => new URL(`tests/fixtures/${path}`, root).pathname;
const dir = mkdtempSync(join(tmpdir(), 'policy-check-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Runs the command; its lines and exit status. */
function check(...args: string[]) {
  const lines: string[] = [];
  const status = main(args, (line) => lines.push(...line.split('\n')));
  return { status, lines, text: lines.join('\n') };
}

/** The text at a reported line:column of a file. */
function textAt(path: string, line: number, column: number, length: number) {
  return readFileSync(path, 'utf8')
    .split('\n')
    [line - 1]!.slice(column - 1, column - 1 + length);
}

const SEED = JSON.parse(readFileSync(fixture('examples/01-seed-example.json'), 'utf8')) as {
  policy: object;
  now: string;
};

describe('policy-explainer check', () => {
  it('a valid file: exit 0, and the dates shoppers are told, as the spec works them out', () => {
    const path = file('seed.json', JSON.stringify(SEED.policy, null, 2));
    const { status, text } = check('check', path, '--now', SEED.now);
    expect(status).toBe(0);
    expect(text).toContain(`${path}: valid (0 errors, 0 warnings)`);
    // Quoted 4–6 working days: Fri 6 to Tue 10 March; the carrier's 3–4: Thu 5 to Fri 6.
    expect(text).toContain('delivery "standard": between Fri, 6 Mar 2026 and Tue, 10 Mar 2026');
    expect(text).toContain("the carrier's own estimate: Thu, 5 Mar 2026 – Fri, 6 Mar 2026");
    expect(text).toContain('if ordered before 2 Mar 2026, 14:00');
  });

  it('--now without an offset, however it is written, is read on the shop’s clock, not the machine’s', () => {
    const path = file('seed-now.json', JSON.stringify(SEED.policy, null, 2));
    // 13:59 in Paris is before the 14:00 cutoff; read on a UTC machine's clock it would be 14:59.
    for (const now of ['2026-03-02 13:59', '2026-03-02T13:59', '2026-03-02T13:59:00.0001']) {
      const { status, text } = check('check', path, '--now', now);
      expect(status, now).toBe(0);
      expect(text, now).toContain('between Fri, 6 Mar 2026 and Tue, 10 Mar 2026');
      expect(text, now).toContain('if ordered before 2 Mar 2026, 14:00');
    }
  });

  it('--now outside the years 1000 to 9999 says so plainly, without a crash', () => {
    const path = file('seed-far.json', JSON.stringify(SEED.policy, null, 2));
    for (const now of ['0999-06-01T10:00', '9999-12-31T20:00:00Z']) {
      const { status, text } = check('check', path, '--now', now);
      expect(status, now).toBe(0);
      expect(text, now).toMatch(/no dates can be worked out: .*1000 to 9999/);
    }
  });

  it('the full example: returns deadline, cancellation and the items never taken back', () => {
    const { status, text } = check('check', fixture('examples/policy-full.json'), '--now', '2026-11-24T10:00:00+01:00');
    expect(status).toBe(0);
    expect(text).toMatch(/returns: 30 days; an item delivered today may be sent back until Thu, 24 Dec 2026/);
    expect(text).toContain('cancellation: free until the order ships');
    expect(text).toContain('no returns: "hygiene" (hygiene)');
  });

  it('every bad example: exit 1, and each error at the line and column of the value it names', () => {
    const bad = readdirSync(fixture('bad')).filter((f) => f.endsWith('.json'));
    expect(bad.length).toBeGreaterThan(20);
    let checked = 0;
    for (const name of bad) {
      const path = fixture(`bad/${name}`);
      const { status, lines } = check('check', path);
      expect(status, name).toBe(1);
      const errors = lines.filter((l) => l.includes('  error  '));
      expect(errors.length, name).toBeGreaterThan(0);
      for (const line of errors) {
        const [, l, c] = /^.+?:(\d+):(\d+) {2}error /.exec(line) ?? [];
        expect(l, line).toBeDefined();
        // A wrong value: the line:column is where that value is written in the file.
        const found = /\(found (.*)\)\.$/.exec(line)?.[1];
        if (found && !found.endsWith('...') && !/^[[{]/.test(found)) {
          expect(textAt(path, Number(l), Number(c), found.length), `${name}: ${line}`).toBe(found);
          checked++;
        }
      }
      expect(lines.at(-1), name).toContain('not valid');
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('points at the exact place: a wrong value, a missing field, a misspelt key, a JSON syntax error', () => {
    const wrong = file('wrong.json', '{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Pariss" }\n}\n');
    const [line] = check('check', wrong).lines;
    expect(line).toMatch(/wrong\.json:3:29 {2}error +\/merchant\/timeZone {2}Must be an IANA time zone/);
    expect(textAt(wrong, 3, 29, 15)).toBe('"Europe/Pariss"');

    const missing = file('missing.json', '{\n  "version": 1,\n  "merchant": {\n    "name": "Shop"\n  }\n}\n');
    expect(check('check', missing).lines[0]).toMatch(
      /missing\.json:3:15 {2}error +\/merchant\/timeZone {2}Required field "timeZone" is missing/,
    );

    const typo = file('typo.json', '{\n  "version": 1,\n  "merchant": { "timeZone": "UTC", "nmae": "Shop" }\n}\n');
    const result = check('check', typo);
    expect(result.status).toBe(1);
    expect(result.lines[0]).toMatch(
      /typo\.json:3:36 {2}error +\/merchant\/nmae {2}Unknown field "nmae" is ignored; did you mean "name"\?/,
    );
    expect(textAt(typo, 3, 36, 6)).toBe('"nmae"');

    const syntax = file('syntax.json', '{\n  "version": 1,\n  "returns": { "windowDays": 30, }\n}\n');
    const out = check('check', syntax);
    expect(out.status).toBe(1);
    expect(out.lines[0]).toMatch(/syntax\.json:3:34 {2}error +\(the whole file\) {2}The file is not valid JSON/);
    expect(textAt(syntax, 3, 34, 1)).toBe('}');
  });

  it('an unknown field is an error, as the format asks of the checker: a misspelt cutoff would vanish unseen', () => {
    const policy = structuredClone(SEED.policy) as { delivery: { methods: Record<string, unknown>[] } };
    const method = policy.delivery.methods[0]!;
    method.cutof = method.cutoff;
    delete method.cutoff;
    const { status, lines, text } = check(
      'check',
      file('cutof.json', JSON.stringify(policy, null, 2)),
      '--now',
      SEED.now,
    );
    expect(status).toBe(1);
    expect(lines[0]).toMatch(
      /cutof\.json:\d+:\d+ {2}error +\/delivery\/methods\/0\/cutof {2}Unknown field "cutof" is ignored; did you mean "cutoff"\?/,
    );
    expect(text).toContain('not valid (1 error, 0 warnings). The elements would ignore the unknown fields');
    // What the elements would then show: no cutoff, said plainly.
    expect(text).toMatch(/delivery "standard": between .*\)$/m);
    expect(text).not.toContain('if ordered before');
  });

  it('a file saved with a byte-order mark is read as the elements read it, lines and columns unchanged', () => {
    const bom = file('bom.json', '\uFEFF{\n  "version": 1,\n  "merchant": { "timeZone": "Europe/Pariss" }\n}\n');
    const { status, lines } = check('check', bom);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/bom\.json:3:29 {2}error +\/merchant\/timeZone {2}Must be an IANA time zone/);
    expect(check('check', file('bom-ok.json', `\uFEFF${JSON.stringify(SEED.policy)}`)).status).toBe(0);
  });

  it('keys with "/" or "~" and values in lists are found by their escaped JSON Pointer', () => {
    const text = '{"a/b": {"c~d": [1, {"e": true}]}}';
    const located = locate(text);
    expect(text.slice(place(located, '/a~1b/c~0d/1/e'))).toMatch(/^true/);
    expect(text.slice(place(located, '/a~1b', true))).toMatch(/^"a\/b"/);
    expect(text.slice(place(located, '/a~1b'))).toMatch(/^\{"c~d"/);
    expect(text.slice(place(located, '/a~1b/c~0d/5/x'))).toMatch(/^\[1,/);
    expect(text.slice(place(located, '/a~1b/c~0d/01'))).toMatch(/^\[1,/);
    expect(place(located, '')).toBe(0);
  });

  it('a value nested 100,000 deep: its unknown key still has its line and column', () => {
    // Followed by recursion, such a value overflowed the stack, and every finding lost its place.
    const deep = file(
      'deep.json',
      `{\n  "version": 1,\n  "merchant": { "timeZone": "UTC" },\n  "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n`,
    );
    const { lines } = check('check', deep);
    expect(lines[0]).toMatch(/deep\.json:4:3 {2}error +\/x {2}Unknown field "x"/);
  });

  it('locate stops at the end of a text that is not JSON, rather than running on', () => {
    for (const text of ['{"a": "b', '{"a": [1, 2', '[{"a"', '"abc']) expect(() => locate(text), text).not.toThrow();
  });

  it('--json: the same findings for a program to read', () => {
    const { status, text } = check(
      'check',
      fixture('bad/cutoff-24-00.json'),
      fixture('examples/policy-full.json'),
      '--json',
    );
    expect(status).toBe(1);
    const results = JSON.parse(text) as FileReport[];
    expect(results.map((r) => r.errors.length)).toEqual([1, 0]);
    expect(results[0]!.errors[0]).toMatchObject({
      path: '/delivery/methods/0/cutoff',
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it('exit 2 and a plain message for a file that cannot be read, an unknown option or no file', () => {
    expect(check('check', join(dir, 'nowhere.json'))).toMatchObject({
      status: 2,
      lines: [expect.stringContaining('cannot read')],
    });
    expect(check('check', '--frobnicate', fixture('examples/policy-full.json')).lines[0]).toContain(
      'unknown option --frobnicate',
    );
    expect(check('check').status).toBe(2);
    expect(check('check', fixture('examples/policy-full.json'), '--now', 'tomorrow').lines[0]).toContain(
      '--now needs a date and time',
    );
    expect(check('--help')).toMatchObject({
      status: 0,
      lines: expect.arrayContaining([expect.stringContaining('Usage: policy-explainer check')]),
    });
  });

  describe('never writes a raw control character to the terminal', () => {
    // What a hostile policy (or its name) would have the terminal do: clear the screen (ESC[2J),
    // set the window title (OSC 0), show a link to elsewhere (OSC 8), the same through the C1
    // introducer (U+009B), turn text around (U+202E), or forge a line of the report ("\n").
    const CLEAR = '\u001b[2J';
    const TITLE = '\u001b]0;pwned\u0007';
    const LINK = '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\';
    const C1 = '\u009b2J';
    const RLO = '\u202e';
    const FORGED = '\nfake.json: valid (0 errors, 0 warnings)';
    // Every C0 and C1 control and every bidi control; "\n" only between the lines `check` splits.
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

    const policy = () => {
      const p = structuredClone(SEED.policy) as Record<string, any>;
      p[`x${CLEAR}${TITLE}`] = 1; // an unknown key: in the path and the message
      p.merchant[`n${LINK}${C1}${RLO}${FORGED}`] = 1;
      p.merchant.name = { en: 'Shop', [`fr${CLEAR}`]: 'Boutique', [`es${C1}${RLO}`]: 'Tienda' }; // language-tag keys
      p.merchant.timeZone = `Europe/Paris${TITLE}${C1}`; // a value, "(found ...)"
      p.delivery.methods[0].id = `std${RLO}${C1}`;
      return p;
    };
    const name = `evil${CLEAR}${TITLE}${C1}${RLO}.json`;

    it('escapes them in paths, messages, language tags, values and the file name', () => {
      const path = file(name, JSON.stringify(policy(), null, 2));
      const { status, lines } = check('check', path, '--now', SEED.now);
      expect(status).toBe(1);
      for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(RAW);
      expect(lines.some((l) => l.startsWith('fake.json'))).toBe(false);
      const text = lines.join('\n');
      // Shown, escaped, so that the merchant sees what is there.
      expect(text).toContain('evil\\u001B[2J\\u001B]0;pwned\\u0007\\u009B2J\\u202E.json:');
      expect(text).toContain('/x\\u001B[2J\\u001B]0;pwned\\u0007');
      expect(text).toContain('\\u009B2J\\u202E\\u000Afake.json');
      expect(text).toContain('"fr\\u001B[2J" is not a language tag');
    });

    it('escapes them in the report of a valid file (its name)', () => {
      const { status, lines } = check(
        'check',
        file(`ok${TITLE}${RLO}.json`, JSON.stringify(SEED.policy)),
        '--now',
        SEED.now,
      );
      expect(status).toBe(0);
      expect(lines[0]).toMatch(/ok\\u001B\]0;pwned\\u0007\\u202E\.json: valid/);
      for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(RAW);
    });

    it("escapes them in the JSON parser's snippet of a file that is not JSON", () => {
      // "Unexpected token 'x', "{"a": x..." is not valid JSON": the parser quotes the text as it is.
      const path = file(`syntax${CLEAR}${C1}.json`, `{"a": x${CLEAR}${C1}${RLO}${TITLE}}`);
      const { status, lines } = check('check', path);
      expect(status).toBe(1);
      expect(lines.join('\n')).toContain(`Unexpected token 'x', "{"a": x\\u001B[2J\\u009B2J\\u202E`);
      for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(RAW);
    });

    it('escapes them in unknown options, --now and a file that cannot be read', () => {
      for (const args of [
        ['check', `--x${CLEAR}`],
        ['check', 'p.json', '--now', `x${TITLE}${C1}${RLO}`],
        ['check', join(dir, `nowhere${CLEAR}${FORGED}`)],
      ]) {
        const { status, lines } = check(...args);
        expect(status).toBe(2);
        for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(RAW);
        expect(lines.some((l) => l.startsWith('fake.json'))).toBe(false);
      }
    });

    it('--json: C1 and bidi controls escaped too (JSON.stringify leaves them raw), the same strings once parsed', () => {
      const path = file(`j${C1}.json`, JSON.stringify(policy(), null, 2));
      const syntax = file(`s${RLO}.json`, `{"a": x${CLEAR}${C1}${RLO}}`);
      const { status, text } = check('check', path, syntax, '--json');
      expect(status).toBe(1);
      expect(text).not.toMatch(
        // eslint-disable-next-line no-control-regex -- control characters are what it looks for
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
      );
      const [results, bad] = JSON.parse(text) as FileReport[];
      expect(results!.file).toBe(path);
      expect(results!.errors.map((e) => e.path)).toContain(`/x${CLEAR}${TITLE}`);
      expect(results!.errors.map((e) => e.path)).toContain(
        `/merchant/n${LINK.replace(/\//g, '~1')}${C1}${RLO}${FORGED}`,
      );
      expect(bad!.errors[0]!.message).toContain(`"{"a": x${CLEAR}${C1}${RLO}`);
    });
  });

  describe('a file that is not what it seems, a name that looks like an option', () => {
    // The command as a merchant runs it, built from the sources (dist/ may be older), in a child
    // process: a read that never ends must fail this test, not hang the test run.
    const bin = join(dir, 'policy-explainer.mjs');
    beforeAll(() => {
      buildSync({
        entryPoints: [new URL('src/cli/bin.ts', root).pathname],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: bin,
        // The strings' parts are made by the build's plugin (scripts/locale-parts.mjs); only the
        // render command, not run here, loads them.
        external: ['policy-strings/*'],
        logLevel: 'error',
      });
    });
    const run = (...args: string[]) => {
      const start = performance.now();
      const child = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 15_000, cwd: dir });
      return {
        status: child.status,
        signal: child.signal,
        out: child.stdout + child.stderr,
        ms: performance.now() - start,
      };
    };

    it("check /dev/zero: refused after 1 MB, the elements' own limit, with a plain message and exit 2", () => {
      // It read on for ever (50 MB more memory each second) before.
      const { status, signal, out, ms } = run('check', '/dev/zero');
      expect(signal).toBeNull();
      expect(status).toBe(2);
      expect(out).toContain(
        'policy-explainer: cannot read /dev/zero: it is larger than 1 MB (1000000 bytes); a policy file is a few kilobytes',
      );
      expect(ms).toBeLessThan(10_000);
    }, 30_000);

    it('a file over 1 MB is refused unread; one of exactly 1 MB is checked', () => {
      const policy = JSON.stringify(SEED.policy);
      const big = file('big.json', policy + ' '.repeat(1_000_001 - policy.length));
      expect(check('check', big)).toMatchObject({
        status: 2,
        lines: [
          `policy-explainer: cannot read ${big}: it is larger than 1 MB (1000000 bytes); a policy file is a few kilobytes.`,
        ],
      });
      // 1 MB counted in bytes, as the elements count them, not in characters.
      const wide = file('wide.json', policy.replace('"Maison Dupont"', `"${'é'.repeat(500_000)}"`));
      expect(check('check', wide).status).toBe(2);
      const limit = file('limit.json', policy + ' '.repeat(1_000_000 - policy.length));
      expect(check('check', limit, '--now', SEED.now)).toMatchObject({
        status: 0,
        lines: expect.arrayContaining([`${limit}: valid (0 errors, 0 warnings)`]),
      });
    });

    it('check -- -rf.json: after "--", every argument is a file, even one that starts with "-"', () => {
      const dashed = file('-rf.json', JSON.stringify(SEED.policy));
      const { status, out } = run('check', '--now', SEED.now, '--', '-rf.json', '--json');
      expect(out).not.toContain('unknown option');
      // "--json" after "--" is a file too: one that does not exist.
      expect(out).toContain('-rf.json: valid (0 errors, 0 warnings)');
      expect(out).toContain('cannot read --json');
      expect(status).toBe(2);
      expect(check('check', '--', dashed, '--now', SEED.now).lines).toContain(
        "policy-explainer: cannot read --now: ENOENT: no such file or directory, open '--now'",
      );
      expect(check('check', '--')).toMatchObject({
        status: 2,
        lines: expect.arrayContaining([expect.stringContaining('Usage:')]),
      });
    }, 30_000);
  });

  describe('costs one pass over the file, however many problems it has', () => {
    // Every problem placed by slicing the text before it cost problems × size: 47 s for these
    // 20,000 bad holidays, 234 s for these 60,000 unknown keys. One pass: under a second and about
    // two (half of it checkPolicy's own work). The bounds are loose for a loaded machine and far
    // below the old cost.
    const base = { version: 1, merchant: { name: 'Shop', timeZone: 'Europe/Paris' } };
    const timed = (path: string) => {
      const start = performance.now();
      const result = check('check', path, '--now', '2026-03-02T10:00:00+01:00');
      return { ...result, ms: performance.now() - start };
    };

    it('20,000 bad holidays (~360 KB, one a line): each at its own line, in a few seconds at most', () => {
      const policy = {
        ...base,
        calendar: { holidays: Array.from({ length: 20_000 }, (_, i) => `2026-02-${30 + (i % 2)}`) },
      };
      const path = file('holidays-20k.json', JSON.stringify(policy, null, 2).replace(/^ {6}"2026/gm, '    "2026'));
      const { status, lines, ms } = timed(path);
      expect(status).toBe(1);
      const errors = lines.filter((l) => l.includes('  error  '));
      expect(errors).toHaveLength(20_000);
      // The last holiday: the list opens on line 8, so holiday n is on line 9 + n.
      expect(errors.at(-1)).toMatch(/holidays-20k\.json:20008:5 {2}error +\/calendar\/holidays\/19999 /);
      expect(textAt(path, 20008, 5, 12)).toBe('"2026-02-31"');
      expect(ms).toBeLessThan(5000);
    }, 600_000);

    it('60,000 unknown keys (~890 KB, one a line, under the 1 MB limit): each at its name, in a few seconds at most', () => {
      const policy: Record<string, unknown> = { ...base };
      for (let i = 0; i < 60_000; i++) policy[`x${i}`] = 0;
      const path = file('keys-60k.json', JSON.stringify(policy, null, 2));
      const { status, lines, ms } = timed(path);
      expect(status).toBe(1);
      const errors = lines.filter((l) => l.includes('  error  '));
      expect(errors).toHaveLength(60_000);
      // After the 6 lines of "version" and "merchant", key n is on line 7 + n.
      expect(errors.at(-1)).toMatch(/keys-60k\.json:60006:3 {2}error +\/x59999 {2}Unknown field "x59999"/);
      expect(textAt(path, 60006, 3, 8)).toBe('"x59999"');
      expect(ms).toBeLessThan(10_000);
    }, 600_000);
  });

  it('runs as the package bin, from the built dist/cli.js', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    const bin = new URL(pkg.bin['policy-explainer'], root).pathname;
    const out = execFileSync(
      process.execPath,
      [bin, 'check', fixture('examples/policy-full.json'), '--now', '2026-11-24T10:00:00+01:00'],
      { encoding: 'utf8' },
    );
    expect(out).toContain('valid (0 errors, 0 warnings)');
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, 'check', fixture('bad/missing-timezone.json')], { encoding: 'utf8' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
  });
});
