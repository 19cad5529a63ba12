// The dev demo page as a person uses it, in Debian's headless Chromium: mint a token, connect
// (polling, then the upgrade to WebSocket), join a conversation, send a notification and a
// message through the page, then tamper the token and reconnect. Each step checks what the page
// shows. Usage: node demo-page.mjs <base url> <screenshot.png>; exits non-zero naming the failed step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const [base, screenshot] = process.argv.slice(2);
if (!base || !screenshot) {
  console.error('usage: node demo-page.mjs <base url> <screenshot.png>');
  process.exit(2);
}
const WAIT = { timeout: 15_000 };
const tag = Date.now().toString(36);
const user = `demo-${tag}`;
const conversation = `demo-conv-${tag}`;
const problems = [];

const profile = mkdtempSync(join(tmpdir(), 'demo-page-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true, // --headless=new: what --headless means in today's Chromium
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 1000 });
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => {
  // A Content-Security-Policy refusal would mean the page breaks in a real browser too.
  if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
    problems.push(`console: ${message.text()}`);
  }
});

const text = (id) => page.$eval(`#${id}`, (element) => element.textContent.trim());
/** Waits until the element, visible, shows this text (or text starting with it); the error says what it showed. */
async function shows(id, expected, { prefix = false } = {}) {
  try {
    await page.waitForFunction((sel, want, start) => {
      const element = document.querySelector(sel);
      const shown = element?.checkVisibility() ? element.textContent.trim() : null;
      return shown !== null && (start ? shown.startsWith(want) : shown === want);
    }, WAIT, `#${id}`, expected, prefix);
  } catch {
    throw new Error(`#${id} does not show "${expected}"; it shows "${await text(id).catch(() => '?')}"`);
  }
}
/** Waits for a log line of that kind whose text contains the needle. */
async function logged(kind, needle) {
  try {
    await page.waitForFunction((k, n) => [...document.querySelectorAll(`#log li[data-kind="${k}"]`)]
      .some((li) => li.checkVisibility() && li.textContent.includes(n)), WAIT, kind, needle);
  } catch {
    const lines = await page.$$eval('#log li', (items) => items.map((li) => li.textContent));
    throw new Error(`no "${kind}" line with "${needle}" in the log:\n  ${lines.join('\n  ')}`);
  }
}
async function type(id, value) {
  await page.$eval(`#${id}`, (element) => { element.value = ''; });
  await page.type(`#${id}`, value);
}

let step = 'open the page';
try {
  const response = await page.goto(`${base}/`, { waitUntil: 'load' });
  if (response.status() !== 200) throw new Error(`GET / answered ${response.status()}`);
  await shows('status', 'disconnected');

  step = 'mint a user token';
  await type('user-id', user);
  await page.click('#mint');
  await page.waitForFunction(() => document.querySelector('#token').value.split('.').length === 3, WAIT);

  step = 'connect (polling, then upgrade)';
  if (await page.$eval('#transport', (select) => select.value) !== 'upgrade') throw new Error('the default transport is not polling + upgrade');
  await page.click('#connect');
  await shows('status', 'connected');
  await shows('transport-now', 'websocket');
  await logged('upgrade', 'transport upgraded to websocket');

  step = 'join a conversation';
  await type('conversation', conversation);
  await page.click('#join');
  await shows('ack', `join-conversation ${conversation}: {"ok":true}`);

  step = 'send a notification through the page';
  const title = `hello ${tag}`;
  await type('notification-text', title);
  await page.click('#send-notification');
  await shows('service-token', 'minted', { prefix: true });
  await logged('api', '202');
  await logged('notification:new', title);

  step = 'send a message through the page';
  const words = `hi conversation ${tag}`;
  await type('message-text', words);
  await page.click('#send-message');
  await logged('message:new', words);

  step = 'tamper the token and reconnect';
  const before = await page.$eval('#token', (area) => area.value);
  await page.click('#tamper');
  if (await page.$eval('#token', (area) => area.value) === before) throw new Error('the token did not change');
  await page.click('#connect');
  await shows('status', 'connect_error: unauthorized');
  await shows('reason', 'signature');
  await logged('connect_error', 'unauthorized (reason: signature)');

  step = 'no errors on the page';
  if (problems.length > 0) throw new Error(problems.join('\n'));
  step = 'screenshot';
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`demo page: every step passed; screenshot ${screenshot}`);
} catch (error) {
  console.error(`demo page: FAILED at "${step}": ${error.message}`);
  await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
