import { principleShortName } from '@amb/domain/principles';
import type { Principle } from '@amb/shared/principles';
import { experimentResultText } from './board-card';

/** What the marks on the board mean: principles (short name on the card, full name here), experiments, limits. */
export function BoardLegend({ principles }: { principles: Principle[] }) {
  return (
    <details className="board-legend">
      <summary>Legend</summary>
      <div className="legend-body">
        <section aria-labelledby="legend-principles">
          <h2 id="legend-principles">Manifesto principles</h2>
          {principles.length === 0 ? (
            <p className="muted">No principles yet.</p>
          ) : (
            <dl>
              {principles.map((p) => (
                <div key={p.id}>
                  <dt>
                    <span className="principle-chip">{principleShortName(p.name)}</span>
                  </dt>
                  <dd>{p.name}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <section aria-labelledby="legend-marks">
          <h2 id="legend-marks">Cards and columns</h2>
          <dl>
            <div>
              <dt>
                <span className="badge experiment">Experiment</span>
              </dt>
              <dd>
                An experiment: its hypothesis shows under the title, its result beside it (
                {Object.values(experimentResultText).join(', ')}).
              </dd>
            </div>
            <div>
              <dt>
                <span className="obstacle">⊘ Blocked</span>
              </dt>
              <dd>Held up by an obstacle; the reason follows.</dd>
            </div>
            <div>
              <dt>
                <span className="wip at">3 / 3 at limit</span>
              </dt>
              <dd>A column holding exactly its WIP limit: a hard limit takes no more cards.</dd>
            </div>
            <div>
              <dt>
                <span className="wip over">4 / 3 over limit</span>
              </dt>
              <dd>A column over its soft WIP limit.</dd>
            </div>
          </dl>
        </section>
      </div>
    </details>
  );
}
