import type { Db } from '../../db/prisma';

// A team's events as a message in a chat channel: Slack's blocks, or a Microsoft Teams Adaptive Card, from the same
// sentence. People's words (titles, names, reasons) are escaped for each: Slack's mrkdwn reads &, < and > as markup
// (links, mentions of everyone), Teams' TextBlock reads markdown.

export interface ChatEvent {
  event: string;
  teamId: string;
  cardId: string | null;
  sprintId: string | null;
  actorId: string | null;
  activity: { to?: Record<string, unknown> | null };
}

interface ChatFacts {
  actor: string;
  card: string | null;
  sprint: string | null;
  team: string;
  reason: string | null;
  /** The file attached, for attachment.added. */
  file?: string | null;
  /** What an approver decided, for approval.decided. */
  decision?: string | null;
  link: string;
}

/** What happened, in one sentence, with each of people's words passed through `words` first. */
export function chatSentence(event: string, facts: ChatFacts, words: (text: string) => string): string {
  const card = facts.card ? `“${words(facts.card)}”` : 'a card';
  const actor = words(facts.actor);
  switch (event) {
    case 'card.created':
      return `${actor} added ${card}`;
    case 'card.moved':
      return `${actor} moved ${card}`;
    case 'card.done':
      return `${actor} finished ${card}`;
    case 'card.blocked':
      return `${actor} blocked ${card}${facts.reason ? `: ${words(facts.reason)}` : ''}`;
    case 'sprint.started':
      return `${actor} started the sprint${facts.sprint ? ` ${words(facts.sprint)}` : ''}`;
    case 'sprint.closed':
      return `${actor} closed the sprint${facts.sprint ? ` ${words(facts.sprint)}` : ''}`;
    case 'wip.breach.started':
      return `A WIP limit of ${words(facts.team)} is exceeded`;
    case 'attachment.added':
      return `${actor} attached ${facts.file ? `“${words(facts.file)}”` : 'a file'} to ${card}`;
    case 'approval.decided': {
      const decided = facts.decision === 'CHANGES_REQUESTED' ? `asked for changes to ${card}` : `approved ${card}`;
      return `${actor} ${decided}${facts.reason ? `: ${words(facts.reason)}` : ''}`;
    }
    default:
      return `${actor}: ${event}`;
  }
}

export const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Markdown's markup characters shown as themselves. */
export const teamsText = (text: string) => text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');

export function slackMessage(event: string, facts: ChatFacts) {
  const sentence = chatSentence(event, facts, slackText);
  return {
    text: chatSentence(event, facts, (t) => t),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${slackText(facts.team)}*: ${sentence}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<${facts.link}|Open in the board>` }] },
    ],
  };
}

export function teamsMessage(event: string, facts: ChatFacts) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: teamsText(facts.team), weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: chatSentence(event, facts, teamsText), wrap: true },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in the board', url: facts.link }],
        },
      },
    ],
  };
}

/** The body for a chat channel, with the names as they are now. */
export async function chatBody(db: Db, format: 'SLACK' | 'TEAMS', payload: ChatEvent, publicUrl: string) {
  const [actor, card, sprint, team] = await Promise.all([
    payload.actorId ? db.user.findUnique({ where: { id: payload.actorId }, select: { name: true } }) : null,
    payload.cardId ? db.card.findUnique({ where: { id: payload.cardId }, select: { title: true } }) : null,
    payload.sprintId ? db.sprint.findUnique({ where: { id: payload.sprintId }, select: { name: true } }) : null,
    db.team.findUnique({ where: { id: payload.teamId }, select: { name: true } }),
  ]);
  const path = payload.cardId
    ? `/teams/${payload.teamId}/board/cards/${payload.cardId}`
    : payload.sprintId
      ? `/teams/${payload.teamId}/sprint`
      : `/teams/${payload.teamId}/board`;
  const to = payload.activity.to ?? {};
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const facts: ChatFacts = {
    actor: actor?.name ?? 'Someone',
    card: card?.title ?? null,
    sprint: sprint?.name ?? null,
    team: team?.name ?? 'The team',
    // A blocker's reason, or an approver's comment.
    reason: text(to.reason) ?? text(to.comment),
    file: text(to.name),
    decision: text(to.decision),
    link: new URL(path, publicUrl).toString(),
  };
  return format === 'SLACK' ? slackMessage(payload.event, facts) : teamsMessage(payload.event, facts);
}
