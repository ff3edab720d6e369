// VS Code end-to-end test: the packaged .vsix installed into code-server, driven in
// Debian's Chromium (headless) through playwright-core. See ../../shared/E2E.md.
//
// Env (set by e2e/run.sh): E2E_CODE_SERVER, E2E_CHROMIUM, E2E_VSIX, E2E_FILE (fixture copy,
// .../keepalived/keepalived.conf), E2E_DIR (scratch dir), E2E_SHOTS (screenshot dir).
//
// Steps, each with a screenshot: language mode `keepalived` in the status bar, a red squiggle,
// the Problems panel entry, hover docs on a keyword, quick fix (Ctrl+. Enter) removing the
// squiggle, Ctrl+Space completion of `prio` inside vrrp_instance, the Outline with VI_E2E.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} not set`);
  return v;
};
const CODE_SERVER = env('E2E_CODE_SERVER');
const CHROMIUM = env('E2E_CHROMIUM');
const VSIX = env('E2E_VSIX');
const FILE = env('E2E_FILE');
const DIR = env('E2E_DIR');
const SHOTS = env('E2E_SHOTS');
const WORKSPACE = path.dirname(path.dirname(FILE)); // contains keepalived/keepalived.conf
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS || 20000);
const require = createRequire(path.join(path.dirname(CODE_SERVER), '..', 'package.json'));
const { chromium } = require('playwright-core');

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (...a) => console.log(`[vscode ${elapsed()}]`, ...a);
let failures = 0;
const results = [];
const ok = (name, detail = '') => {
  results.push({ name, ok: true, detail });
  log(`ok   ${name}${detail ? `  (${detail})` : ''}`);
};
const bad = (name, detail = '') => {
  failures++;
  results.push({ name, ok: false, detail: String(detail) });
  log(`FAIL ${name}${detail ? `  (${String(detail).split('\n')[0]})` : ''}`);
};

fs.rmSync(DIR, { recursive: true, force: true });
const UD = path.join(DIR, 'ud');
const EXTS = path.join(DIR, 'exts');
const PROFILE = path.join(DIR, 'chromium');
fs.mkdirSync(path.join(UD, 'User'), { recursive: true });
fs.mkdirSync(EXTS, { recursive: true });
fs.mkdirSync(SHOTS, { recursive: true });
for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const cfg = path.join(DIR, 'cfg.yaml');
fs.writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
fs.writeFileSync(
  path.join(UD, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.hover.delay': 200,
      'editor.minimap.enabled': false,
      'files.autoSave': 'off',
      'window.restoreWindows': 'none',
      'chat.commandCenter.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'git.enabled': false,
      'keepalived.trace.server': 'messages',
    },
    null,
    2,
  ),
);

const csArgs = ['--config', cfg, '--user-data-dir', UD, '--extensions-dir', EXTS];

// 1. install the packaged extension
{
  const r = spawnSync(CODE_SERVER, [...csArgs, '--install-extension', VSIX], { encoding: 'utf8', timeout: 60000 });
  const out = `${r.stdout}${r.stderr}`.trim();
  if (r.status === 0 && /successfully installed/i.test(out)) ok('vsix installed', out.split('\n').pop());
  else {
    bad('vsix installed', out);
    await done();
  }
}

// 2. start code-server in its own process group
const csLog = fs.openSync(path.join(DIR, 'code-server.log'), 'w');
const cs = spawn(
  CODE_SERVER,
  [
    ...csArgs,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    WORKSPACE,
  ],
  { detached: true, stdio: ['ignore', csLog, csLog], env: { ...process.env } },
);
// run.sh kills this group too if we die without cleaning up (e.g. SIGKILL from timeout)
fs.writeFileSync(path.join(DIR, 'code-server.pgid'), String(cs.pid));
let browser;
let page;
let finished = false;

// Members of code-server's process group that are still running (zombies do not count).
function groupAlive() {
  const r = spawnSync('ps', ['-o', 'stat=', '-g', String(cs.pid)], { encoding: 'utf8' });
  return (r.stdout || '').split('\n').some((st) => st.trim() && !st.trim().startsWith('Z'));
}
let killed = false;
function killGroup() {
  if (killed) return;
  killed = true;
  try {
    process.kill(-cs.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && groupAlive()) spawnSync('sleep', ['0.1']);
  try {
    if (groupAlive()) process.kill(-cs.pid, 'SIGKILL');
  } catch {}
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killGroup();
    process.exit(130);
  });
}
process.on('exit', killGroup);

function listFiles(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

function printLogs() {
  console.log('---- code-server.log (tail)');
  console.log(fs.readFileSync(path.join(DIR, 'code-server.log'), 'utf8').split('\n').slice(-40).join('\n'));
  const logs = listFiles(path.join(UD, 'logs')).filter(
    (f) => /exthost/.test(f) || /keepalived/i.test(f) || /remoteexthost/.test(f),
  );
  for (const f of logs) {
    const text = fs.readFileSync(f, 'utf8');
    if (!text.trim()) continue;
    console.log(`---- ${path.relative(DIR, f)} (last 80 lines)`);
    console.log(text.split('\n').slice(-80).join('\n'));
  }
}

async function done() {
  if (finished) return;
  finished = true;
  if (failures > 0) printLogs();
  try {
    await browser?.close();
  } catch {}
  killGroup();
  fs.writeFileSync(path.join(DIR, 'results.json'), JSON.stringify({ results, failures }, null, 2));
  log(`${results.length - failures} checks passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}

let shotNo = 0;
async function shot(name) {
  shotNo++;
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  try {
    await page.screenshot({ path: file });
  } catch (e) {
    log(`screenshot ${name} failed: ${e.message}`);
  }
  return file;
}

// run a step; a failure is recorded (with a screenshot) and, if fatal, ends the test
async function step(name, fn, { fatal = false } = {}) {
  try {
    const detail = await fn();
    ok(name, detail ?? '');
    return true;
  } catch (e) {
    bad(name, e?.stack || e);
    await shot(`FAIL-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    if (fatal) await done();
    return false;
  }
}

try {
  // 3. wait for /healthz
  await step(
    'code-server up',
    async () => {
      const until = Date.now() + 30000;
      for (;;) {
        try {
          const r = await fetch(`http://127.0.0.1:${port}/healthz`);
          if (r.ok) return `port ${port}`;
        } catch {}
        if (cs.exitCode !== null) throw new Error(`code-server exited ${cs.exitCode}`);
        if (Date.now() > until) throw new Error('no /healthz after 30 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    { fatal: true },
  );

  browser = await chromium.launchPersistentContext(PROFILE, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  browser.setDefaultTimeout(STEP_TIMEOUT);
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (e) => log(`page error: ${e.message}`));

  // The rendered lines of the active editor as {1-based line number -> text} (only the visible ones).
  const editorLines = async () =>
    page.evaluate(() => {
      const ed = document.querySelector('.editor-instance .monaco-editor');
      const nums = new Map();
      for (const n of ed.querySelectorAll('.margin-view-overlays > div')) {
        const ln = n.querySelector('.line-numbers');
        if (ln) nums.set(parseFloat(n.style.top) || 0, Number(ln.textContent.trim()));
      }
      const out = {};
      for (const l of ed.querySelectorAll('.view-lines .view-line')) {
        const no = nums.get(parseFloat(l.style.top) || 0);
        if (no) out[no] = l.textContent.replace(/\u00a0/g, ' ');
      }
      return out;
    });
  const findLine = (lines, re) => {
    for (const [no, text] of Object.entries(lines)) if (re.test(text)) return Number(no);
    return -1;
  };
  const cursorPos = async () => {
    const t = (await page.locator('[id="status.editor.selection"]').textContent()) ?? '';
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    return m ? { line: Number(m[1]), col: Number(m[2]) } : null;
  };
  // Moves the cursor with plain keys (no widgets): Ctrl+Home, Down x (n-1), Home, Right x (col-1).
  const gotoLine = async (n, col = 1) => {
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < n; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('Home'); // twice: column 1 whatever the indentation
    for (let i = 1; i < col; i++) await page.keyboard.press('ArrowRight');
    await page
      .waitForFunction(
        ([n, col]) =>
          (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').includes(`Ln ${n}, Col ${col}`),
        [n, col],
        { timeout: 5000 },
      )
      .catch(async () => {
        throw new Error(
          `cursor is at ${JSON.stringify(await cursorPos())}, wanted ${n}:${col}; focus on ${await page.evaluate(() => document.activeElement?.className)}`,
        );
      });
  };
  // Keyboard focus into the editor: Escape closes widgets, Ctrl+1 focuses the first editor group.
  const focusEditor = async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+1');
    await page.waitForFunction(() => document.activeElement?.closest('.editor-instance .monaco-editor') != null, null, {
      timeout: 5000,
    });
  };

  // 4. open the workspace and the file
  await step(
    'workbench loaded',
    async () => {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(WORKSPACE)}`);
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 45000 });
      return 'explorer shows the workspace';
    },
    { fatal: true },
  );

  await step(
    'file opened with language keepalived',
    async () => {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('keepalived.conf');
      await page.waitForSelector('.quick-input-list .monaco-list-row');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.editor-instance .view-lines .view-line');
      const mode = page.locator('[id="status.editor.mode"]');
      await page.waitForFunction(
        () => /keepalived/i.test(document.getElementById('status.editor.mode')?.textContent ?? ''),
        null,
        { timeout: STEP_TIMEOUT },
      );
      const text = (await mode.textContent()).trim();
      await shot('opened-language-mode');
      return `status bar language: ${text}`;
    },
    { fatal: true },
  );

  // 5. squiggle
  await step('red squiggle on the misspelt keyword', async () => {
    await page.waitForSelector('.squiggly-error', { timeout: 30000 });
    const n = await page.locator('.squiggly-error').count();
    await shot('squiggle');
    return `${n} .squiggly-error`;
  });

  // 6. Problems panel
  await step('Problems panel lists the finding', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'perssisstence_timeout' }).first();
    await row.waitFor();
    const text = (await row.textContent()).replace(/\s+/g, ' ').trim();
    await shot('problems-panel');
    if (!/unknown-keyword/.test(text)) throw new Error(`row lacks the rule id: ${text}`);
    if (!/did you mean "persistence_timeout"/.test(text)) throw new Error(`row lacks the suggestion: ${text}`);
    return text;
  });

  // 7. hover: the diagnostic on the squiggle, then the docs of a known keyword
  await focusEditor();
  await step('hover on the squiggle shows the diagnostic', async () => {
    const sq = page.locator('.squiggly-error').first();
    const b = await sq.boundingBox();
    await page.mouse.move(b.x + Math.min(b.width / 2, 40), b.y + b.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'persistence_timeout' }).first();
    await hover.waitFor({ state: 'visible' });
    await page.waitForTimeout(500); // past the fade-in
    const text = (await hover.textContent()).replace(/\s+/g, ' ').trim();
    await shot('hover-diagnostic');
    return text.slice(0, 140);
  });
  await step('hover on a keyword shows docs', async () => {
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    const tok = page.locator('.editor-instance .view-lines .view-line span span', { hasText: /^priority$/ }).first();
    const b = await tok.boundingBox();
    if (!b) throw new Error('no `priority` token on screen');
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    const hover = page
      .locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .rendered-markdown')
      .first();
    await hover.waitFor({ state: 'visible' });
    await page.waitForTimeout(500); // past the fade-in
    const text = (await page.locator('.monaco-hover:not(.hidden)').first().textContent()).replace(/\s+/g, ' ').trim();
    await shot('hover-keyword-docs');
    if (text.length < 20) throw new Error(`hover too short: ${text}`);
    return text.slice(0, 160);
  });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');

  // 8. quick fix: Ctrl+. then Enter on the preferred fix; the squiggle disappears
  await step('quick fix (Ctrl+. Enter) fixes the keyword and the squiggle disappears', async () => {
    await focusEditor();
    const lines = await editorLines();
    const no = findLine(lines, /perssisstence_timeout/);
    if (no < 0) throw new Error(`misspelt line not on screen: ${JSON.stringify(lines)}`);
    await gotoLine(no, lines[no].indexOf('perssisstence_timeout') + 3);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget .monaco-list-row').first();
    await menu.waitFor({ state: 'visible' });
    await page.waitForTimeout(200);
    const menuText = (
      await page.$$eval('.action-widget .monaco-list-row', (rs) => rs.map((r) => r.innerText.trim()).filter(Boolean))
    ).join(' | ');
    await shot('quickfix-menu');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.editor-instance .squiggly-error').length === 0, null, {
      timeout: STEP_TIMEOUT,
    });
    const after = await editorLines();
    const fixed = after[no];
    // the Problems panel follows a moment later; let the screenshot show both
    await page
      .waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length === 0, null, {
        timeout: 5000,
      })
      .catch(() => undefined);
    await shot('quickfix-applied');
    if (!/^\s*persistence_timeout\s+50\s*$/.test(fixed ?? ''))
      throw new Error(`line ${no} is now: ${JSON.stringify(fixed)}`);
    return `menu: ${menuText.slice(0, 100)} -> line ${no}: ${fixed.trim()}`;
  });

  await step('Problems panel is empty after the fix', async () => {
    await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length === 0, null, {
      timeout: STEP_TIMEOUT,
    });
    return 'no rows';
  });

  // 9. completion: type `prio` on a new line inside vrrp_instance, Ctrl+Space
  await step('Ctrl+Space completion offers priority inside vrrp_instance', async () => {
    await focusEditor();
    const lines = await editorLines();
    const no = findLine(lines, /^\s*advert_int/);
    if (no < 0) throw new Error('advert_int line not on screen');
    await gotoLine(no);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('prio');
    await page.keyboard.press('Control+Space');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: /^\s*priority/ }).first();
    await item.waitFor({ state: 'visible' });
    await page.waitForTimeout(400); // let the details pane render
    const labels = await page.$$eval('.suggest-widget .monaco-list-row', (rows) =>
      rows.map((r) => r.getAttribute('aria-label') || r.textContent),
    );
    await shot('completion');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const after = await editorLines();
    const inserted = after[no + 1] ?? '';
    await shot('completion-accepted');
    if (!/^\s*priority\b/.test(inserted)) throw new Error(`accepted line is ${JSON.stringify(inserted)}`);
    return `items: ${labels.slice(0, 6).join(' | ')} -> ${inserted.trim()}`;
  });
  // leave the document as it was (no duplicate priority) before the outline
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+K');

  // 10. outline (panel closed and the folder section collapsed, so the outline has room)
  const command = async (title) => {
    await page.keyboard.press('F1');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') != null);
    await page.keyboard.type(title);
    await page.waitForSelector('.quick-input-list .monaco-list-row');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  };
  await command('View: Close Panel').catch((e) => log(`close panel: ${e.message}`));
  // collapse the folders pane so the outline pane gets the sidebar's height
  await page
    .locator('.pane-header[aria-label^="Explorer Section"], .pane-header:has(h3:text-is("VSCODE"))')
    .first()
    .click({ timeout: 3000 })
    .catch((e) => log(`collapse folders pane: ${e.message.split('\n')[0]}`));
  await step('Outline shows the vrrp_instance', async () => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('Focus on Outline View');
    await page.waitForSelector('.quick-input-list .monaco-list-row');
    await page.keyboard.press('Enter');
    const row = page
      .locator('.outline-pane .monaco-list-row, [id="outline"] .monaco-list-row', { hasText: 'VI_E2E' })
      .first();
    await row.waitFor({ state: 'visible' });
    const rows = await page.$$eval('.outline-pane .monaco-list-row', (rs) => rs.map((r) => r.textContent.trim()));
    await shot('outline');
    return rows.join(' | ');
  });
} catch (e) {
  bad('unexpected error', e?.stack || e);
  if (page) await shot('FAIL-unexpected');
}
await done();
