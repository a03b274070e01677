// The back office page: signs an operations account in through the gateway and shows what the
// services' ops APIs say. Every value is written as text, never as HTML.
'use strict';

const tokenKey = 'orderplatform.backoffice.token';
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const $ = id => document.getElementById(id);

async function api(path, options = {}) {
  const token = sessionStorage.getItem(tokenKey);
  const response = await fetch(path, { ...options, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...options.headers } });
  if (response.status === 401) { signOut('Your session has ended: sign in again.'); throw new Error('signed out'); }
  if (response.status === 403) { signOut('This account is not an operations account.'); throw new Error('forbidden'); }
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) { throw new Error(body?.title ?? `${path} answered ${response.status}`); }
  return body;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) { td.className = className; }
  return td;
}

function fill(tableId, items, render) {
  const body = $(tableId).tBodies[0];
  body.replaceChildren();
  for (const item of items) { render(body.insertRow(), item); }
}

async function refresh() {
  try {
    const [money, counts, stuck, queues] = await Promise.all([
      api('/api/ops/payments/today'), api('/api/ops/orders/counts'), api('/api/ops/orders/stuck'), api('/api/ops/messaging/queues')]);
    fill('money', [['Authorised', money.authorisedCents, money.authorisations], ['Captured', money.capturedCents, money.captures],
      ['Refunded', money.refundedCents, money.refunds]], (row, [what, cents, count]) => {
      cell(row, what); cell(row, euros.format(cents / 100), 'number'); cell(row, `${count} operation(s)`);
    });
    fill('counts', Object.entries(counts), (row, [status, count]) => { cell(row, status); cell(row, count, 'number'); });
    fill('stuck', stuck, (row, order) => {
      cell(row, order.orderNumber); cell(row, order.status); cell(row, new Date(order.statusSince).toLocaleString('fr-FR'));
      cell(row, order.waiting); cell(row, order.threshold);
    });
    fill('queues', queues, (row, queue) => {
      if (queue.errorQueue && queue.messages > 0) { row.className = 'error-queue'; }
      cell(row, queue.virtualHost === '/' ? queue.name : `${queue.virtualHost} ${queue.name}`);
      cell(row, queue.messages, 'number'); cell(row, queue.consumers, 'number');
      cell(row, queue.publishRate.toFixed(1), 'number'); cell(row, queue.deliverRate.toFixed(1), 'number');
      const actions = cell(row, '');
      if (queue.messages > 0) { actions.append(button('Peek', () => peek(queue))); }
      if (queue.errorQueue && queue.messages > 0) { actions.append(button('Move back', () => redrive(queue))); }
    });
    $('error').textContent = '';
  } catch (e) {
    if (sessionStorage.getItem(tokenKey)) { $('error').textContent = e.message; }
  }
}

function button(label, action) {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', action);
  return b;
}

const query = queue => `virtualHost=${encodeURIComponent(queue.virtualHost)}`;

async function peek(queue) {
  const messages = await api(`/api/ops/messaging/queues/${encodeURIComponent(queue.name)}/messages?${query(queue)}`);
  $('peek').hidden = false;
  $('peek').querySelector('h3').textContent = `First messages of ${queue.name}`;
  const list = $('peek').querySelector('ol');
  list.replaceChildren(...messages.map(message => {
    const item = document.createElement('li');
    const reason = document.createElement('strong');
    reason.textContent = `${message.messageType ?? 'message'}${message.exception ? ': ' + message.exception : ''}`;
    const payload = document.createElement('pre');
    payload.textContent = message.payload;
    item.append(reason, payload);
    return item;
  }));
}

async function redrive(queue) {
  if (!confirm(`Move the ${queue.messages} message(s) of ${queue.name} back to their queue? Do it once the cause is fixed.`)) { return; }
  try {
    const moved = await api(`/api/ops/messaging/queues/${encodeURIComponent(queue.name)}/redrive?${query(queue)}`, { method: 'POST' });
    $('error').textContent = `Moving ${moved.messages} message(s) from ${moved.from} back to ${moved.to}.`;
  } catch (e) {
    $('error').textContent = e.message;
  }
  setTimeout(refresh, 1000);
}

function signOut(reason) {
  sessionStorage.removeItem(tokenKey);
  $('views').hidden = true; $('sign-out').hidden = true; $('sign-in').hidden = false; $('who').textContent = '';
  $('sign-in-error').textContent = reason ?? '';
}

function signedIn(email) {
  $('sign-in').hidden = true; $('views').hidden = false; $('sign-out').hidden = false; $('who').textContent = email ?? '';
  refresh();
}

$('sign-in').addEventListener('submit', async event => {
  event.preventDefault();
  const response = await fetch('/api/accounts/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: $('email').value, password: $('password').value }),
  });
  if (!response.ok) { $('sign-in-error').textContent = 'Wrong e-mail or password.'; return; }
  sessionStorage.setItem(tokenKey, (await response.json()).accessToken);
  $('password').value = '';
  signedIn($('email').value);
});
$('sign-out').addEventListener('click', () => signOut());
if (sessionStorage.getItem(tokenKey)) { signedIn(); }
setInterval(() => { if (sessionStorage.getItem(tokenKey)) { refresh(); } }, 10000);
