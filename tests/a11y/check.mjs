// Checks Souhra's pages with axe-core (WCAG 2.0/2.1 A and AA rules) in every interface language,
// and that keyboard users meet the skip link first. Usage: node check.mjs http://127.0.0.1:PORT
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const base = process.argv[2];
if (!base) {
  console.error('usage: node check.mjs BASE_URL');
  process.exit(2);
}
const pages = [
  '/',
  '/nepomuk',
  '/plzensky-kraj',
  '/nepomuk/obec/558109-nepomuk',
  '/nepomuk/obce?q=kr',
  '/nepomuk/obce?q=zzzz',
  '/o-aplikaci',
  '/tato-stranka-neexistuje',
  '/nepomuk/sluzby',
  '/nepomuk/sluzby?q=senio%C5%99i&druh=40&obec=Nepomuk&razeni=vzdalenost&mapa=1',
  '/nepomuk/sluzby?strana=0',
  '/nepomuk/sluzba/1-x',
  '/nepomuk/sluzba/2-x/chyba',
  '/nepomuk/poskytovatel/1-x',
  '/nepomuk/seznam?s=1.2.3',
  '/nepomuk/seznam',
  '/nepomuk/analyza',
  '/nepomuk/analyza?uzemi=obec-558109',
  '/plzensky-kraj/analyza',
  '/plzensky-kraj/kraj',
  '/plzensky-kraj/sit',
  '/nepomuk/analyza/dostupnost',
  '/nepomuk/analyza/kapitola',
  '/nepomuk/analyza/dostupnost?druh=49&km=10&razeni=dostupnost',
  '/nepomuk/analyza/dostupnost?druh=49&km=abc',
  '/nepomuk/pruzkum/ukazka-2',
  '/nepomuk/pruzkum/ukazka-1',
  '/nepomuk/pruzkum/ukazka-1/vysledky',
  '/nepomuk/plany',
  '/nepomuk/plan/1',
  '/nepomuk/plan/4',
  '/nepomuk/plan/5',
  '/nepomuk/plan/2/pripominky',
  '/nepomuk/plan/2/pripominka',
  '/nepomuk/plan/2/zmeny',
  '/nepomuk/skupiny',
  '/nepomuk/skupina/2',
  '/pristupnost',
  '/prihlaseni',
  '/zapomenute-heslo',
  '/pozvanka/0000000000000000000000000000000000000000000000000000000000000000',
];
// The administration, signed in as the demo's installation administrator (it reaches every page).
const adminPages = [
  '/sprava',
  '/sprava/nepomuk/uzivatele',
  '/sprava/nepomuk/sluzby',
  '/sprava/nepomuk/sluzba/1',
  '/sprava/nepomuk/sluzba/1/historie',
  '/sprava/nepomuk/fronta',
  '/sprava/nepomuk/audit',
  '/sprava/nepomuk/nastaveni',
  '/sprava/nepomuk/situace/pecuji-o-blizkeho',
  '/sprava/nepomuk/plany',
  '/sprava/nepomuk/plan/1',
  '/sprava/nepomuk/plan/1/prvek/e5',
  '/sprava/nepomuk/plan/6',
  '/sprava/nepomuk/plan/2/pripominky',
  '/sprava/nepomuk/plan/2/zmeny',
  '/sprava/nepomuk/skupiny',
  '/sprava/nepomuk/skupina/2',
  '/sprava/nepomuk/skupina/2/clen/5',
  '/sprava/nepomuk/schuzka/3',
  '/sprava/nepomuk/pruzkumy',
  '/sprava/nepomuk/pruzkum/1',
  '/sprava/nepomuk/pruzkum/1/vysledky',
  '/sprava/nepomuk/pruzkum/2',
  '/sprava/instalace',
  '/sprava/instalace/nova-oblast',
  '/sprava/instalace/oblasti/nepomuk',
  '/sprava/instalace/ciselniky/service_kind',
  '/sprava/instalace/audit',
];
const languages = ['cs', 'en', 'uk'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
let failures = 0;
let checked = 0;
for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  for (const lang of languages) {
    const context = await browser.newContext({ viewport, javaScriptEnabled: true });
    await context.addCookies([{ name: 'souhra_lang', value: lang, url: base }]);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const signIn = async () => {
      await page.goto(base + '/prihlaseni');
      await page.fill('#email', 'spravce@demo.souhra.example');
      await page.fill('#heslo', 'souhra-demo');
      await Promise.all([page.waitForURL('**/sprava'), page.click('form[action="/prihlaseni"] button[type=submit]')]);
    };
    for (const path of [...pages, null, ...adminPages]) {
      if (path === null) {
        await signIn();
        continue;
      }
      await page.goto(base + path);
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      checked += 1;
      for (const violation of result.violations) {
        failures += 1;
        console.log(`VIOLATION ${label} ${lang} ${path}: ${violation.id} (${violation.impact}) ${violation.help}`);
        for (const node of violation.nodes.slice(0, 3)) console.log(`    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`);
      }
      const htmlLang = await page.getAttribute('html', 'lang');
      if (htmlLang !== lang) {
        failures += 1;
        console.log(`WRONG LANGUAGE ${label} ${path}: html lang=${htmlLang}, expected ${lang}`);
      }
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      if (first !== '#obsah') {
        failures += 1;
        console.log(`KEYBOARD ${label} ${lang} ${path}: the first Tab stop is ${first}, not the skip link`);
      }
    }
    for (const error of errors) {
      failures += 1;
      console.log(`SCRIPT ERROR ${label} ${lang}: ${error}`);
    }
    await context.close();
  }
}
await browser.close();
console.log(`axe: ${checked} page views checked (${pages.length + adminPages.length} pages × ${languages.length} languages × 2 viewports), ${failures} problems`);
process.exit(failures === 0 ? 0 : 1);
