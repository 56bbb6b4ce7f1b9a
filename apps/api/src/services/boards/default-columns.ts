/** The columns a new board starts with; scrum masters change them afterwards. */
export function defaultColumns() {
  return [
    { name: 'Backlog', position: 0, flowCategory: 'BACKLOG' as const },
    { name: 'To do', position: 1, flowCategory: 'TODO' as const, wipLimit: 10 },
    { name: 'In progress', position: 2, flowCategory: 'IN_PROGRESS' as const, wipLimit: 5 },
    { name: 'Review', position: 3, flowCategory: 'IN_PROGRESS' as const, wipLimit: 3 },
    { name: 'Done', position: 4, flowCategory: 'DONE' as const },
  ];
}
