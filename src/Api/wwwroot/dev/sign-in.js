// Development sign-in: pick or type a user name, get a token from POST /dev/token.
// Served only in Development (src/Api/Dashboard/DashboardSetup.cs).
import { api, session } from '../js/api.js';

const suggestions = ['alice', 'bob', 'carol'];

function el(name, props = {}, ...children) {
  const e = Object.assign(document.createElement(name), props);
  e.append(...children);
  return e;
}

export function mount(container, { signedIn, showError }) {
  const input = el('input', {
    id: 'dev-user', name: 'userId', required: true, autocomplete: 'username', pattern: '[A-Za-z0-9_\\-]{1,64}',
    maxLength: 64, spellcheck: false,
  });
  input.setAttribute('list', 'dev-users');
  const list = el('datalist', { id: 'dev-users' }, ...suggestions.map(u => el('option', { value: u })));
  const chips = el('div', { className: 'chips' }, ...suggestions.map(u => {
    const b = el('button', { type: 'button', className: 'secondary' }, u);
    b.addEventListener('click', () => { input.value = u; form.requestSubmit(); });
    return b;
  }));
  chips.setAttribute('role', 'group');
  chips.setAttribute('aria-label', 'Suggested users');
  const form = el('form', { className: 'stack', id: 'dev-form' },
    el('p', { className: 'muted' }, 'Development: the API issues a dev token for any user name.'),
    el('label', { htmlFor: 'dev-user' }, 'User name'),
    input, list,
    chips,
    el('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const userId = input.value.trim();
    try {
      const { data } = await api('POST', '/dev/token', { body: { userId }, anonymous: true });
      session.set(data.token, userId, data.expiresAt);
      input.value = '';
      await signedIn();
    } catch (error) {
      showError(error);
    }
  });
  container.replaceChildren(form, el('p', { className: 'or muted' }, 'or'));
}
