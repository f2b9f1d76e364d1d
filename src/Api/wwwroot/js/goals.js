// One card per active goal: figures from its GoalView, series loaded lazily when the card is
// shown, and logging with read-your-writes (?minVersion) that says so when the answer is stale.
import { api, idempotencyKey } from './api.js';
import { calendar, runningSum, weekBars } from './charts.js';
import { addDays, formatNumber, mondayOf, todayIn } from './dates.js';
import { count, milestonesText, patternText, progressText } from './format.js';
import { SeriesQueue } from './queue.js';

const noCalendar = new Set(['total', 'milestones']);

export class GoalList {
  constructor(list, { onChange, showError }) {
    this.list = list;
    this.cards = new Map();
    this.onChange = onChange;
    this.showError = showError;
    this.queue = new SeriesQueue(2);
    this.observer = new IntersectionObserver(entries => {
      for (const entry of entries.filter(e => e.isIntersecting)) {
        this.observer.unobserve(entry.target);
        this.loadSeries(entry.target.dataset.goalId);
      }
    }, { rootMargin: '200px' });
  }

  get goals() {
    return [...this.cards.values()].map(c => c.goal);
  }

  clear() {
    this.observer.disconnect();
    this.queue.clear();
    this.cards.clear();
    this.list.replaceChildren();
  }

  show(goals) {
    this.clear();
    goals.forEach(g => this.add(g));
  }

  add(goal) {
    const node = document.getElementById('goal-card').content.firstElementChild.cloneNode(true);
    node.dataset.goalId = goal.goalId;
    const card = { node, goal, version: goal.version, seriesLoaded: false };
    this.cards.set(goal.goalId, card);
    const titleId = `goal-${goal.goalId}-title`;
    node.querySelector('.goal-title').id = titleId;
    node.querySelector('article').setAttribute('aria-labelledby', titleId);
    node.querySelector('.log-form').addEventListener('submit', e => this.log(e, card));
    node.querySelector('.retry').addEventListener('click',
      () => this.refresh(card, card.version).catch(e => this.showError(e, card)));
    this.render(card, false);
    this.list.append(node);
    this.observer.observe(node);
    return node;
  }

  render(card, stale) {
    const { node, goal } = card;
    const p = goal.progress;
    const unit = goal.unit || '';
    node.querySelector('.goal-title').textContent = goal.title;
    node.querySelector('.goal-pattern').textContent = patternText(goal);
    node.querySelector('.progress-text').textContent = progressText(goal);
    const percent = p.percent === null ? null : Number(p.percent);
    node.querySelector('.progress-percent').textContent = percent === null ? '' : `${formatNumber(percent)} %`;
    const bar = node.querySelector('.bar');
    const shown = Math.min(Math.max(percent ?? 0, 0), 100);
    bar.setAttribute('aria-valuenow', String(shown));
    bar.setAttribute('aria-label', `Progress of ${goal.title}`);
    bar.classList.toggle('reached', p.targetReached);
    bar.classList.toggle('over', goal.pattern === 'limit' && !p.targetReached);
    node.querySelector('.bar-fill').style.width = `${shown}%`;
    const streak = node.querySelector('.streak');
    streak.replaceChildren();
    if (goal.streak) {
      const s = goal.streak;
      streak.append(`Streak: ${count(s.current, s.unit)} (longest ${count(s.longest, s.unit)})`);
      if (s.atRisk) {
        const risk = document.createElement('span');
        risk.className = 'badge at-risk';
        risk.textContent = 'at risk';
        streak.append(' ', risk);
      }
      node.classList.toggle('at-risk', s.atRisk);
    } else {
      streak.textContent = `Total so far: ${formatNumber(p.total)} ${unit}`.trim();
      if (goal.pattern === 'milestones') streak.append(' · ', milestonesText(goal));
    }
    node.querySelector('.value-label').textContent = unit ? `Amount (${unit})` : 'Amount';
    node.querySelector('.days-caption').textContent = noCalendar.has(goal.pattern) ? 'Running sum, last 90 days' : 'Met days, last 90 days';
    node.querySelector('.consistency').hidden = !stale;
    node.querySelector('.consistency-text').textContent = stale
      ? `The read model has not reached version ${card.version} yet; these figures may not include your latest entry.`
      : '';
    node.classList.toggle('is-stale', stale);
  }

  loadSeries(goalId) {
    const card = this.cards.get(goalId);
    if (!card) return Promise.resolve();
    return this.queue.run(() => this.fetchSeries(card)).catch(e => this.showError(e, card));
  }

  /** Both series at (at least) the card's version; true when either answer was stale. */
  async fetchSeries(card) {
    if (this.cards.get(card.goal.goalId) !== card) return false;
    const { goal, node } = card;
    const today = todayIn(goal.timezone);
    const min = `&minVersion=${card.version}`;
    const base = `/v1/goals/${encodeURIComponent(goal.goalId)}`;
    const days = await api('GET', `${base}/days?from=${addDays(today, -89)}&to=${today}${min}`);
    const weeks = await api('GET', `${base}/weeks?from=${addDays(mondayOf(today), -77)}&to=${today}${min}`);
    const daysChart = noCalendar.has(goal.pattern)
      ? runningSum(days.data.items, Number(goal.progress.total), goal.progress.target, goal.unit)
      : calendar(days.data.items, goal.unit, goal.startDate);
    node.querySelector('.days-body').replaceChildren(daysChart);
    node.querySelector('.weeks-body').replaceChildren(weekBars(weeks.data.items, goal.unit));
    card.seriesLoaded = true;
    node.dataset.seriesVersion = String(card.version);
    return days.stale || weeks.stale;
  }

  async log(event, card) {
    event.preventDefault();
    const form = event.currentTarget;
    const button = form.querySelector('button');
    const value = Number(form.elements.value.value);
    const note = form.elements.note.value.trim();
    button.disabled = true;
    this.status(card, '');
    try {
      const body = note ? { value, note } : { value };
      const { data } = await api('POST', `/v1/goals/${encodeURIComponent(card.goal.goalId)}/activities`,
        { body, headers: { 'Idempotency-Key': idempotencyKey() } });
      form.reset();
      await this.refresh(card, data.version);
      this.status(card, `Logged ${formatNumber(value)}${card.goal.unit ? ` (${card.goal.unit})` : ''}.`);
    } catch (e) {
      this.showError(e, card);
    } finally {
      button.disabled = false;
    }
  }

  /** Reads the goal and its series again, waiting (up to 2 s, server side) for <version>. */
  async refresh(card, version) {
    card.version = Math.max(card.version, version);
    const r = await api('GET', `/v1/goals/${encodeURIComponent(card.goal.goalId)}?minVersion=${card.version}`);
    card.goal = r.data;
    this.render(card, r.stale);
    this.onChange();
    if (card.seriesLoaded && (await this.queue.run(() => this.fetchSeries(card))) && !r.stale) {
      this.render(card, true);
    }
  }

  status(card, text) {
    card.node.querySelector('.card-status').textContent = text;
  }
}
