export function SprintPage() {
  return null;
}
