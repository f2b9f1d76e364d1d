// The words of a goal card: pattern, progress and streak counts.
import { formatNumber } from './dates.js';

/** "1 day", "3 days": the streak unit is plural or singular ("days", "week"). */
export function count(n, unit) {
  const one = unit.replace(/s$/, '');
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

export function patternText(goal) {
  if (goal.pattern === 'weekly') return `weekly · ${goal.timesPerWeek}× a week`;
  return goal.pattern;
}

export function progressText(goal) {
  const p = goal.progress, unit = goal.unit ? ` ${goal.unit}` : '';
  const n = formatNumber;
  switch (goal.pattern) {
    case 'daily': return `${n(p.current)} of ${n(p.target)}${unit} today`;
    case 'limit': return `${n(p.current)} of at most ${n(p.target)}${unit} today`;
    case 'weekly': return `${n(p.current)} of ${n(p.target)} days this week (${n(goal.target)}${unit} a day)`;
    default: return `${n(p.current)} of ${n(p.target)}${unit} in all`;
  }
}

/** "milestones 3 ✓ · 6 · 12": the thresholds, those reached ticked. */
export function milestonesText(goal) {
  const reached = new Set((goal.reachedMilestones || []).map(m => Number(m.threshold)));
  return `milestones ${(goal.milestones || []).map(t => `${formatNumber(t)}${reached.has(Number(t)) ? ' ✓' : ''}`).join(' · ')}`;
}
