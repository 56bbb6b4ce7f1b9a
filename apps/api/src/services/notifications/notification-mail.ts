// What a notification mail says: a plain-text part and a simple HTML part made from the same escaped lines, a link
// to each card, a link to the person's preferences, and a one-click unsubscribe (RFC 8058).

export interface MailItem {
  cardTitle: string | null;
  text: string;
  link: string | null;
}

const SUBJECT_MAX = 150;

/** Text for an HTML part: people's words are shown, never read as markup. */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One line for a header: line breaks and other control characters (a header injection) become spaces. */
export function headerText(text: string) {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

export const preferencesUrl = (publicUrl: string) => new URL('/account/notifications', publicUrl).toString();
export const unsubscribeUrl = (publicUrl: string, token: string) =>
  new URL(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, publicUrl).toString();

export function composeNotificationMail(options: {
  items: MailItem[];
  digest: boolean;
  publicUrl: string;
  unsubscribeToken: string;
}) {
  const { items, digest, publicUrl } = options;
  const first = items[0]!;
  const subject = headerText(
    digest
      ? `Your daily digest: ${items.length} ${items.length === 1 ? 'notification' : 'notifications'}`
      : items.length === 1
        ? `${first.text}${first.cardTitle ? ` · ${first.cardTitle}` : ''}`
        : `${items.length} new notifications`,
  );
  const preferences = preferencesUrl(publicUrl);
  const unsubscribe = unsubscribeUrl(publicUrl, options.unsubscribeToken);
  const intro = digest ? 'What happened since your last digest:' : 'You have new notifications:';
  const text = [
    intro,
    '',
    ...items.flatMap((i) => [
      `- ${i.cardTitle ? `${i.cardTitle}: ` : ''}${i.text}`,
      ...(i.link ? [`  ${i.link}`] : []),
      '',
    ]),
    `Choose what you are told and how: ${preferences}`,
    `Stop all notification e-mail: ${unsubscribe}`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(intro)}</p><ul>`,
    ...items.map(
      (i) =>
        `<li>${i.cardTitle ? `<strong>${escapeHtml(i.cardTitle)}</strong>: ` : ''}${escapeHtml(i.text)}` +
        (i.link ? ` <a href="${escapeHtml(i.link)}">Open</a>` : '') +
        '</li>',
    ),
    '</ul>',
    `<p style="font-size:small"><a href="${escapeHtml(preferences)}">Choose what you are told and how</a> · `,
    `<a href="${escapeHtml(unsubscribe)}">Stop all notification e-mail</a></p>`,
    '</body></html>',
  ].join('\n');
  return {
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
