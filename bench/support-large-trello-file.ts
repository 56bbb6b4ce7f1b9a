// A large Trello export, as the heaviest import a person may send: 10,000 cards over 8 lists, 70,000 checklist items
// (one checklist of 7 per card), 20,000 comments (two per card), members and labels: just under 5 MB of JSON, the largest file an import takes. Benches
// and tests import it to see what checking and importing such a file costs.

export interface LargeTrelloOptions {
  cards?: number;
  itemsPerCard?: number;
  commentsPerCard?: number;
}

export function largeTrelloBoard({ cards = 10_000, itemsPerCard = 7, commentsPerCard = 2 }: LargeTrelloOptions = {}) {
  const lists = ['Ideas', 'Up next', 'Writing', 'Review', 'Scheduled', 'Published', 'Measured', 'Old'].map(
    (name, i) => ({ id: `l${i}`, name, closed: false, pos: (i + 1) * 1024 }),
  );
  const labels = ['Email', 'Social', 'Blog', 'Events'].map((name, i) => ({ id: `b${i}`, name, color: 'blue' }));
  const members = Array.from({ length: 20 }, (_, i) => ({
    id: `m${i}`,
    fullName: `Member ${i}`,
    username: `member${i}`,
  }));
  // Only the fields Trello always writes, and defaults left out, as a compact export would: under 5 MB.
  const all = Array.from({ length: cards }, (_, i) => ({
    id: `c${i}`,
    name: `Card ${i}`,
    idList: lists[i % lists.length]!.id,
    ...(i % 2 ? {} : { idLabels: [labels[i % labels.length]!.id] }),
    ...(i % 4 ? {} : { idMembers: [members[i % members.length]!.id] }),
    ...(i % 50 === 0 ? { closed: true } : {}),
  }));
  const checklists = all.map((c) => ({
    idCard: c.id,
    name: 'Steps',
    checkItems: Array.from({ length: itemsPerCard }, (_, j) => ({
      name: `S${j + 1}`,
      state: j % 2 ? 'complete' : 'incomplete',
    })),
  }));
  const actions = all.flatMap((c) =>
    Array.from({ length: commentsPerCard }, (_, j) => ({
      type: 'commentCard',
      data: { text: `C${j + 1}`, card: { id: c.id } },
    })),
  );
  return { name: 'Large board', lists, labels, members, cards: all, checklists, actions };
}
