// The reference dashboard: sign-in, the user's active goals, templates. Only the public API.
import { api, claimsOf, onUnauthorized, session } from './api.js';
import { GoalList } from './goals.js';

const $ = id => document.getElementById(id);
let goals;
let templatesLoaded = false;

onUnauthorized(reason => showSignIn(reason === 'rejected'
  ? 'The token was rejected or has expired: sign in again.'
  : 'The session has expired: sign in again.'));

export function showError(error, card) {
  const fields = error?.errors ? Object.entries(error.errors).map(([f, m]) => `${f}: ${[].concat(m).join(' ')}`) : [];
  const detail = [error?.detail || (error?.status === undefined ? String(error) : ''), ...fields].filter(Boolean).join(' ');
  const title = error?.title || 'Something went wrong.';
  if (card) {
    card.node.querySelector('.card-status').textContent = `${title} ${detail}`.trim();
    if (error?.status !== 401) return;
  }
  $('error-title').textContent = title;
  $('error-detail').textContent = detail;
  $('error').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error-title').textContent = '';
  $('error-detail').textContent = '';
}

function say(text) {
  $('status').textContent = text;
}

export function showSignIn(message) {
  session.clear();
  goals?.clear();
  $('app').hidden = true;
  $('who').hidden = true;
  $('who-name').textContent = '';
  $('sign-in').hidden = false;
  if (message) say(message);
  const first = $('sign-in').querySelector('input, textarea');
  first?.focus();
}

/** After a token is in the session: the dashboard, then templates (anonymous, once). */
export async function showDashboard() {
  clearError();
  const s = session.get();
  if (!s) return showSignIn();
  $('sign-in').hidden = true;
  $('who-name').textContent = s.userId || 'token user';
  $('who').hidden = false;
  $('app').hidden = false;
  goals.clear();
  try {
    const { data } = await api('GET', '/v1/dashboard');
    goals.show(data.goals);
    summarize();
    say(`${data.goals.length} active goal${data.goals.length === 1 ? '' : 's'}.`);
  } catch (e) {
    showError(e);
  }
  if (!templatesLoaded) loadTemplates().catch(e => showError(e));
}

function summarize() {
  const all = goals.goals;
  $('sum-active').textContent = String(all.length);
  $('sum-met').textContent = String(all.filter(g => g.progress.targetReached).length);
  $('sum-streaks').textContent = String(all.filter(g => g.streak && g.streak.current > 0).length);
  $('no-goals').hidden = all.length > 0;
}

async function loadTemplates() {
  const { data } = await api('GET', '/v1/templates', { anonymous: true });
  const list = $('templates');
  list.replaceChildren(...data.items.map(t => {
    const item = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = t.title;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Start';
    button.setAttribute('aria-label', `Start goal: ${t.title}`);
    button.addEventListener('click', () => createFrom(t, button));
    item.append(text, button);
    return item;
  }));
  templatesLoaded = true;
}

async function createFrom(template, button) {
  button.disabled = true;
  clearError();
  try {
    const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const { data } = await api('POST', '/v1/goals', { body: { templateId: template.templateId, timezone } });
    const view = await api('GET', `/v1/goals/${encodeURIComponent(data.goalId)}?minVersion=${data.version}`);
    const node = goals.add(view.data);
    if (view.stale) goals.render(goals.cards.get(data.goalId), true);
    summarize();
    say(`Goal created: ${view.data.title}`);
    node.querySelector('input[name=value]').focus();
  } catch (e) {
    showError(e);
  } finally {
    button.disabled = false;
  }
}

function usePastedToken(event) {
  event.preventDefault();
  const token = $('token-input').value.trim();
  const claims = claimsOf(token);
  const expiresAt = claims?.exp ? new Date(claims.exp * 1000).toISOString() : null;
  session.set(token, typeof claims?.sub === 'string' ? claims.sub : null, expiresAt);
  $('token-input').value = '';
  showDashboard();
}

async function boot() {
  goals = new GoalList($('goals'), { onChange: summarize, showError });
  $('token-form').addEventListener('submit', usePastedToken);
  $('sign-out').addEventListener('click', () => showSignIn('Signed out.'));
  // Served only in Development; elsewhere sign-in is the identity provider's.
  const dev = await import('../dev/sign-in.js').catch(() => null);
  if (dev) {
    dev.mount($('dev-sign-in'), { signedIn: showDashboard, showError });
  } else {
    $('idp-note').hidden = false;
  }
  if (session.get()) showDashboard();
  else showSignIn();
}

boot();
