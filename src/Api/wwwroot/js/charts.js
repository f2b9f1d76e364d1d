// The per-goal series as SVG built with DOM calls (no markup strings): a calendar of met days,
// a running sum for total and milestones goals, and weekly bars.
import { formatNumber, monthName, weekday } from './dates.js';

const NS = 'http://www.w3.org/2000/svg';

function svgEl(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function chart(width, height, label, className) {
  return svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: `svg ${className}` });
}

const unitText = unit => (unit ? ` ${unit}` : '');

/** Columns are ISO weeks, rows Monday to Sunday; each day is a square with its figures as a tooltip. */
export function calendar(days, unit, startDate) {
  const cell = 11, gap = 2, top = 12, left = 20, right = 10, step = cell + gap;
  const offset = days.length ? weekday(days[0].date) : 0;
  const columns = Math.ceil((offset + days.length) / 7);
  const met = days.filter(d => d.met === true).length;
  const svg = chart(left + columns * step + right, top + 7 * step, `Met on ${met} of ${days.length} days`, 'calendar');
  ['Mon', '', 'Wed', '', 'Fri', '', ''].forEach((name, row) => {
    if (name) svg.append(svgEl('text', { x: 0, y: top + row * step + cell - 2, class: 'axis' }, name));
  });
  days.forEach((d, i) => {
    const k = offset + i, x = left + Math.floor(k / 7) * step, y = top + (k % 7) * step;
    if (i === 0 || d.date.endsWith('-01')) {
      svg.append(svgEl('text', { x, y: top - 3, class: 'axis' }, monthName(d.date)));
    }
    const state = d.met === true ? 'met' : d.logCount > 0 ? 'partial' : d.date < startDate ? 'before' : 'none';
    const rect = svgEl('rect', {
      x, y, width: cell, height: cell, rx: 2, class: `day ${state}`, 'data-date': d.date, 'data-met': String(d.met),
    });
    const note = state === 'before' ? ' (before the goal started)' : d.met ? ' (met)' : '';
    rect.append(svgEl('title', {}, `${d.date}: ${formatNumber(d.total)}${unitText(unit)}${note}`));
    svg.append(rect);
  });
  return svg;
}

/** The all-time sum over the days shown, ending at the goal's total (days before the window are its start). */
export function runningSum(days, total, target, unit) {
  const width = 260, height = 90, pad = 4, labelRoom = 58;
  const before = total - days.reduce((sum, d) => sum + Number(d.total), 0);
  let sum = before;
  const sums = days.map(d => (sum += Number(d.total)));
  const max = Math.max(Number(target) || 0, total, 1);
  const x = i => pad + (i * (width - labelRoom - 2 * pad)) / Math.max(days.length - 1, 1);
  const y = v => height - pad - (v / max) * (height - 2 * pad);
  const svg = chart(width, height, `Running sum: ${formatNumber(total)}${unitText(unit)} of ${formatNumber(target)}`, 'running');
  if (Number(target) > 0) {
    svg.append(svgEl('line', { x1: pad, x2: width - labelRoom, y1: y(target), y2: y(target), class: 'target-line' }));
    svg.append(svgEl('text', { x: width - labelRoom + 4, y: y(target) + 3, class: 'axis' }, `goal ${formatNumber(target)}`));
  }
  const points = sums.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  if (points.length) {
    const area = `M${x(0).toFixed(1)},${y(0)} L${points.join(' L')} L${x(sums.length - 1).toFixed(1)},${y(0)} Z`;
    svg.append(svgEl('path', { d: area, class: 'sum-area' }));
    svg.append(svgEl('polyline', { points: points.join(' '), class: 'sum-line', 'data-total': total }));
    const last = Math.min(Math.max(y(total) + 3, 10), height - pad);
    svg.append(svgEl('text', { x: width - labelRoom + 4, y: last, class: 'axis strong' }, `${formatNumber(total)}${unitText(unit)}`));
  }
  return svg;
}

/** One bar per ISO week, its height the week's total; met weeks in the strong colour. */
export function weekBars(weeks, unit) {
  const bar = 16, gap = 5, height = 80, labels = 14, width = weeks.length * (bar + gap);
  const max = Math.max(...weeks.map(w => Number(w.total)), 1);
  const svg = chart(width, height + labels, `Weekly totals of the last ${weeks.length} weeks`, 'weeks');
  weeks.forEach((w, i) => {
    const h = Math.max((Number(w.total) / max) * height, Number(w.total) > 0 ? 2 : 0);
    const x = i * (bar + gap);
    svg.append(svgEl('rect', { x, y: 0, width: bar, height, class: 'week-slot' }));
    const rect = svgEl('rect', {
      x, y: height - h, width: bar, height: h, class: `week ${w.met ? 'met' : 'unmet'}`, 'data-week': w.week,
    });
    const met = w.met === null ? '' : w.met ? ', met' : ', not met';
    rect.append(svgEl('title', {}, `${w.week}: ${formatNumber(w.total)}${unitText(unit)}, ${w.daysMet} days met${met}`));
    svg.append(rect);
    if ((weeks.length - 1 - i) % 2 === 0) {
      svg.append(svgEl('text', { x: x + bar / 2, y: height + labels - 2, class: 'axis', 'text-anchor': 'middle' }, w.week.slice(5)));
    }
  });
  return svg;
}
