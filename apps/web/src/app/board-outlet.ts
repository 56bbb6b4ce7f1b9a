/**
 * What the board page hands to the panels it opens over itself (`<Outlet context>`): names they show without
 * fetching the board again. Panels live in their own features, so this shape lives here, between them.
 */
export interface BoardOutletContext {
  columns: { id: string; name: string }[];
  swimlanes: { id: string; name: string }[];
}
