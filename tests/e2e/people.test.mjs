// Not alone, end to end: after a few quiet days the page of today carries a
// gentle note; time with a friend is logged from there in one click (the
// name, what, how it felt), the note goes, a card about the company comes,
// and the core has it; Undo takes it back; the Space page offers the same.
// The steps build on each other; once one fails the rest are skipped.

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { Driver, Sandbox, cli, localDate, saveArtifact, stepper, waitForDate } from './harness.mjs';
import { Key, waitFor } from './webdriver.mjs';

const byTest = (id) => `[data-testid="${id}"]`;
const TODAY = localDate(0);

describe('not alone', () => {
  let sandbox;
  let driver;
  let app;
  const step = stepper('people', () => app);

  before(async () => {
    sandbox = new Sandbox('people');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  step('after quiet days, today carries the note', async () => {
    await cli(sandbox, ['write', '--date', localDate(-6), 'Stayed in again.'], { json: false });
    await cli(sandbox, ['period', 'start', '--date', localDate(-6)]);
    await cli(sandbox, ['people', 'add', '--date', localDate(-6), '--who', 'Ana', '--what', 'lunch']);
    app = await driver.launch();
    await waitForDate(app, TODAY);
    const note = await app.waitForElement(byTest('company-nudge'));
    assert.match(await note.text(), /a few quiet days/);
    saveArtifact('people-nudge.png', await app.screenshot());
  });

  step('time with a friend is logged in one click from the page, and the core has it', async () => {
    await (await app.find(byTest('company-open'))).click();
    const who = await app.waitForElement(byTest('company-who'));
    assert.equal(await app.execute('return document.activeElement?.dataset?.testid'), 'company-who');
    await who.sendKeys('Ana');
    await (await app.find(byTest('company-what'))).sendKeys('coffee by the river');
    await (await app.find(byTest('company-felt-4'))).click();
    saveArtifact('people-form.png', await app.screenshot());
    await (await app.find(byTest('company-save'))).click();
    const kept = await app.waitForElement(byTest('company-kept'));
    assert.match(await kept.text(), /Time with Ana, kept/);
    assert.equal((await app.findAll(byTest('company-nudge'))).length, 0, 'the note goes');
    await waitFor(
      async () =>
        (await app.execute(
          `return [...document.querySelectorAll('[data-testid="guidance-panel"] [data-id]')].map((c) => c.dataset.id)`,
        )).includes('support-enjoy-the-company'),
      { what: 'the card about company', timeoutMs: 5_000 },
    );
    saveArtifact('people-kept.png', await app.screenshot());
    const list = await cli(sandbox, ['people', 'list', '--from', TODAY]);
    assert.deepEqual(
      list.map((t) => [t.date, t.who, t.what, t.felt]),
      [[TODAY, 'Ana', 'coffee by the river', 4]],
    );
    const status = await cli(sandbox, ['status']);
    assert.deepEqual(status.time_with_people, { last_date: TODAY, days_since: 0, count_7d: 2 });
  });

  step('Undo takes it back', async () => {
    await (await app.find(byTest('company-undo'))).click();
    await waitFor(async () => (await app.findAll(byTest('company-kept'))).length === 0, { what: 'the line to go' });
    await waitFor(async () => (await cli(sandbox, ['people', 'list', '--from', TODAY])).length === 0, {
      what: 'the core to forget it',
    });
  });

  step('the Space page offers the same, with the names used before', async () => {
    await app.chord(Key.CONTROL, '2');
    await (await app.waitForElement(byTest('company-open'))).click();
    const names = await app.execute(
      `return [...document.querySelectorAll('[data-testid="company"] datalist option')].map((o) => o.value)`,
    );
    assert.deepEqual(names, ['Ana']);
    await (await app.find(byTest('company-who'))).sendKeys('my sister');
    await (await app.find(byTest('company-save'))).click();
    await app.waitForElement(byTest('company-kept'));
    const list = await cli(sandbox, ['people', 'list', '--from', TODAY]);
    assert.deepEqual(
      list.map((t) => t.who),
      ['my sister'],
    );
    saveArtifact('people-space.png', await app.screenshot());
  });
});

describe('the message written instead of sent', () => {
  let sandbox;
  let driver;
  let app;
  const step = stepper('unsent', () => app);

  before(async () => {
    sandbox = new Sandbox('unsent');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  step('is written out, paused over, and kept unsent: an urge held', async () => {
    await cli(sandbox, ['period', 'start', '--date', localDate(-3)]);
    app = await driver.launch();
    await waitForDate(app, TODAY);
    await app.chord(Key.CONTROL, '2');
    await (await app.waitForElement(byTest('write-instead-open'))).click();
    const body = await app.waitForElement(byTest('unsent-body'));
    await body.sendKeys(`I keep thinking about Sunday.${Key.ENTER}Could we talk, just for a minute?`);
    saveArtifact('unsent-writing.png', await app.screenshot());
    await (await app.find(byTest('unsent-written'))).click();
    const left = await app.waitForElement(byTest('unsent-left'));
    assert.equal(await left.text(), 'About 20 minutes left.');
    saveArtifact('unsent-pause.png', await app.screenshot());
    await (await app.find(byTest('unsent-skip'))).click();
    await (await app.waitForElement(byTest('unsent-keep'))).click();
    const done = await app.waitForElement(byTest('unsent-done'));
    assert.match(await done.text(), /You held back, and that is noted/);
    const list = await cli(sandbox, ['unsent', 'list']);
    assert.deepEqual(
      list.map((m) => [m.date, m.body, m.outcome]),
      [[TODAY, 'I keep thinking about Sunday.\nCould we talk, just for a minute?', 'kept']],
    );
    const status = await cli(sandbox, ['status']);
    assert.equal(status.urges_resisted, 1, 'the urges count goes up');
    assert.equal(status.current_streak_days, 3, 'nothing was sent: the count goes on');
    await waitFor(async () => (await app.findAll(byTest('unsent-item'))).length === 1, {
      what: 'the message among those kept here',
    });
    saveArtifact('unsent-kept.png', await app.screenshot());
  });
  step('the weekly look back opens from today, shows the week and keeps the answers on the page', async () => {
    const weekday = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date().getDay()];
    await cli(sandbox, ['settings', 'set', 'review.day', weekday]);
    await cli(sandbox, ['people', 'add', '--who', 'Ana', '--what', 'a walk']);
    await app.chord(Key.CONTROL, '1');
    await app.waitForElement(byTest('review-due'));
    await (await app.find(byTest('open-review'))).click();
    const lines = await app.waitForElement(byTest('week-lines'));
    const text = await lines.text();
    assert.match(text, /1 urge held back/);
    assert.match(text, /1 message kept here, unsent/);
    assert.match(text, /Time with people on 1 day/);
    await (await app.find(byTest('review-answer-0'))).sendKeys('Writing it out instead of sending it.');
    await (await app.find(byTest('review-answer-1'))).sendKeys('Ana');
    saveArtifact('review.png', await app.screenshot());
    await (await app.find(byTest('review-save'))).click();
    await app.waitForElement(byTest('review-answered'));
    const page = await cli(sandbox, ['show']);
    assert.match(page.body, /## My week, looked back on/);
    assert.match(page.body, /\*\*Who was good company:\*\* Ana/);
    await app.chord(Key.CONTROL, '1');
    await waitFor(async () => (await app.findAll(byTest('review-due'))).length === 0, {
      what: 'the line to go once the week is looked back on',
    });
  });
});
