// Giving space and guidance, end to end on the real window: start a period
// with an upfront note, log an urge and a necessary contact, see the counts;
// log a pursuit, see the kind reflection prompt; restart and find all of it.
// Then the guidance beside the page and the library.

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import {
  Driver,
  Sandbox,
  calendarDay,
  cli,
  localDate,
  saveArtifact,
  sel,
  stepper,
  text,
  waitForDate,
} from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const TODAY = localDate(0);
const NOTE = 'I can see you need room, so I am stepping back for a while. I am okay, and here if you need me.';
const THEMES = [
  'upfront',
  'giving-space',
  'not-too-far',
  'urges',
  'waiting',
  'support',
  'self-work',
  'sincerity',
  'they-reached-out',
  'setbacks',
  'necessary-contact',
  'safety',
];

const tid = (id) => `[data-testid="${id}"]`;

/**
 * Words of danger from the held-out half of the guidance corpus (the matcher
 * was never tuned on it): the safety card must come first, only care beside it.
 */
const DANGER = "He's been parked outside my mum's every night at 11 with his lights off. Just sitting there.";

describe('giving space and guidance', () => {
  let sandbox;
  let driver;
  let app;

  const step = stepper('space', () => app);

  const click = async (id) => (await app.find(tid(id))).click();
  const number = async (id) => Number(await text(app, tid(id)));
  const waitForText = (id, want, what) =>
    waitFor(async () => (await text(app, tid(id))).includes(want), { what: what ?? `${id} to read "${want}"` });

  before(async () => {
    sandbox = new Sandbox('space');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  step('a period starts with the upfront note, and that is day 0', async () => {
    app = await driver.launch();
    await waitForDate(app, TODAY);
    await click('nav-space');
    const note = await app.waitForElement(tid('upfront-note'));
    assert.ok((await note.property('value')).length > 40, 'a draft of the note is offered');
    await note.clear();
    await note.sendKeys(NOTE);
    await click('start-period');
    await waitForText('day-count', 'Day 0 of giving space');

    const period = await cli(sandbox, ['period', 'show']);
    assert.equal(period.start, TODAY);
    assert.equal(period.upfront_note, NOTE, 'the edited note is what was kept');
    const contacts = await cli(sandbox, ['contact', 'list']);
    assert.deepEqual(contacts.map((c) => c.kind), ['upfront'], 'the note is logged on day 0');
  });

  step('an urge held back and a necessary contact show in the counts', async () => {
    await click('log-urge');
    await waitFor(async () => (await number('urges-held')) === 1, { what: 'one urge held' });
    await click('log-contact');
    await (await app.waitForElement(tid('kind-necessary'))).click();
    await (await app.find(tid('contact-note'))).sendKeys('Who picks up the children on Friday');
    await click('contact-submit');
    await waitFor(async () => (await app.findAll(`${tid('timeline')} li[data-kind="necessary"]`)).length === 1, {
      what: 'the necessary contact in the timeline',
    });
    assert.equal(await number('urges-held'), 1);
    assert.match(await text(app, tid('day-count')), /Day 0 of giving space/, 'a necessary contact resets nothing');

    const status = await cli(sandbox, ['status']);
    assert.equal(status.urges_resisted, 1);
    assert.deepEqual(status.contacts, { pursued: 0, necessary: 1, 'they-reached-out': 0, upfront: 1 });
  });

  step('after reaching out, a kind prompt to reflect and no words of failure', async () => {
    await click('log-contact');
    await (await app.waitForElement(tid('kind-pursued'))).click();
    await click('contact-submit');
    // Asked once, kindly, before the count starts again.
    await app.waitForElement(tid('reset-ask'));
    await click('reset-yes');
    await app.waitForElement(tid('reflection'));
    const page = (await text(app, 'body')).toLowerCase();
    for (const word of ['broken', 'failed', 'failure', 'streak']) {
      assert.ok(!page.includes(word), `the page does not say "${word}"`);
    }
    const status = await cli(sandbox, ['status']);
    assert.equal(status.contacts.pursued, 1);
    assert.equal(status.last_reset, TODAY);
    assert.equal(status.urges_resisted, 1, 'the history stays');
    saveArtifact('space.png', await app.screenshot());
  });

  step('after a restart everything is still there', async () => {
    await app.delete();
    app = await driver.launch();
    await waitForDate(app, TODAY);
    await waitForText('space-summary', '1 urge held', 'the Today summary line');
    // The calendar marks the day giving space began and the day of reaching out.
    const label = await (await calendarDay(app, TODAY)).attribute('aria-label');
    assert.match(label, /the day giving space began, you reached out/);
    await click('nav-space');
    await waitFor(async () => (await number('urges-held')) === 1, { what: 'the urge after a restart' });
    const kinds = await Promise.all(
      (await app.findAll(`${tid('timeline')} li[data-kind]`)).map((li) => li.attribute('data-kind')),
    );
    assert.deepEqual(kinds.sort(), ['necessary', 'pursued']);
    // Day 0 carries the upfront note (logged as the upfront contact).
    assert.equal((await app.findAll(`${tid('timeline')} li[data-type="start"]`)).length, 1);
    assert.equal((await app.findAll(`${tid('timeline')} li[data-type="urge"]`)).length, 1);
  });

  step('typing about texting brings an urges card beside the page within a second', async (t) => {
    await click('nav-today');
    const editor = await app.waitForElement(sel.editor);
    await editor.click();
    await editor.sendKeys('I really want to text him tonight');
    const typed = Date.now();
    // A pursuit was logged today, so a setbacks card leads; the urges card
    // for what was just written stands beside it.
    // (An urges card for the urge logged earlier may already stand there;
    // wait for the one chosen because of what was just typed.)
    const card = await waitFor(
      async () => {
        const cards = await app.findAll(`${tid('guidance-panel')} ${tid('guidance-card')}[data-theme="urges"]`);
        for (const c of cards) {
          if ((await c.text()).includes('because you wrote about wanting to reach out')) return c;
        }
        return false;
      },
      { timeoutMs: 3_000, intervalMs: 50, what: 'an urges card for what was typed' },
    );
    const themes = await Promise.all(
      (await app.findAll(`${tid('guidance-panel')} ${tid('guidance-card')}`)).map((c) => c.attribute('data-theme')),
    );
    assert.equal(themes[0], 'setbacks', 'after reaching out today, the setbacks card comes first');
    const took = Date.now() - typed;
    assert.ok(took < 1_000, `the urges card came ${took} ms after typing stopped`);
    assert.match(await card.text(), /because you wrote about wanting to reach out/);
    t.diagnostic(`the urges card for the typed words came ${took} ms after typing`);
    saveArtifact('guidance.png', await app.screenshot());
  });

  step('words of danger bring the safety card first within a second, with only care beside it', async (t) => {
    const sentence = DANGER;
    const editor = await app.waitForElement(sel.editor);
    await editor.clear();
    await editor.sendKeys(sentence);
    const typed = Date.now();
    const first = await waitFor(
      async () => {
        const cards = await app.findAll(`${tid('guidance-panel')} ${tid('guidance-card')}`);
        return cards.length > 0 && (await cards[0].attribute('data-theme')) === 'safety' ? cards[0] : false;
      },
      { timeoutMs: 3_000, intervalMs: 50, what: 'the safety card first' },
    );
    const took = Date.now() - typed;
    assert.ok(took < 1_000, `the safety card came ${took} ms after typing stopped`);
    assert.ok(!(await first.text()).includes(sentence), 'the reason never quotes the page');
    const themes = await Promise.all(
      (await app.findAll(`${tid('guidance-panel')} ${tid('guidance-card')}`)).map((c) => c.attribute('data-theme')),
    );
    for (const theme of themes.slice(1)) assert.ok(['support', 'self-work'].includes(theme), `beside it only care: ${themes}`);
    t.diagnostic(`the safety card came ${took} ms after typing`);
    saveArtifact('guidance-safety.png', await app.screenshot());
  });

  step('the library shows every theme and credits the source', async () => {
    await click('nav-guidance');
    await app.waitForElement(tid('library-theme'));
    const sections = await app.findAll(tid('library-theme'));
    const shown = await Promise.all(sections.map((s) => s.attribute('data-theme')));
    for (const theme of THEMES) assert.ok(shown.includes(theme), `the library has ${theme}`);
    assert.match(await text(app, tid('library-credit')), /Leslie Cane/);
    assert.match(await text(app, tid('library-credit')), /own words/);
  });
});
