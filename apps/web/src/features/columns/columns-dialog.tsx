export function ColumnsDialog() {
  return null;
}
