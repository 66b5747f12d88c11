// Drives the Microsoft 365 Agents Playground in headless chromium: waits for the welcome,
// asks one question, waits for the final answer, hovers its first citation. Prints JSON.
// Usage: node tests/e2e/playground_chat.mjs <playground-url> <question> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, question, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const result = { welcome: false };
let page;
try {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.getByText('Hei! Jeg er Læringsbot.').first().waitFor({ timeout: 30000 });
    result.welcome = true;
  } catch { /* reported as welcome: false */ }
  const likes = await page.locator('button[aria-label="Like"]').count();
  const box = page.locator('[contenteditable="true"], textarea, input[type=text]').first();
  await box.click();
  await box.fill(question);
  await page.keyboard.press('Enter');
  // Feedback buttons appear only on a final AI message: the answer has arrived.
  await page.waitForFunction(
    (n) => document.querySelectorAll('button[aria-label="Like"]').length > n, likes,
    { timeout: 180000 });
  const cites = page.locator('a[role="button"][aria-expanded]');  // citation markers
  try {  // the markers are rendered a moment after the message itself
    await cites.first().waitFor({ timeout: 15000 });
  } catch { /* reported as citationButtons: 0 */ }
  result.citationButtons = await cites.count();
  result.answerText = await page.evaluate(() => {
    let node = [...document.querySelectorAll('a[role="button"][aria-expanded]')].pop();
    // climb to the whole message: the element that also holds its feedback buttons
    while (node && !node.querySelector('button[aria-label="Like"]')) node = node.parentElement;
    if (!node) return null;
    const copy = node.cloneNode(true);
    copy.querySelectorAll('a[role="button"][aria-expanded]').forEach((a) => a.remove());
    return copy.innerText;
  });
  result.beforeHover = await page.evaluate(() => document.body.innerText);
  if (result.citationButtons > 0) {
    await cites.last().hover();
    await page.waitForTimeout(1000);
  }
  result.afterHover = await page.evaluate(() => document.body.innerText);
} catch (error) {
  result.error = String(error);
} finally {
  if (page) await page.screenshot({ path: screenshot }).catch(() => {});
  await browser.close();
}
console.log(JSON.stringify(result));
