export function CardPanel() {
  return null;
}
