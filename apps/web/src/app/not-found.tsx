import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

/** An address the board does not have: said plainly, with a way back. */
export function NotFoundPage() {
  return (
    <section className="route-message" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to your board</Link>
      </p>
    </section>
  );
}

/**
 * What a person sees when a page fails to load or draw: a plain sentence and a way back, never a stack. The
 * detail goes to the browser's console for whoever investigates.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <section className="route-message" aria-labelledby="route-error-title" role="alert">
      <h1 id="route-error-title">This page could not be shown</h1>
      <p>
        Something went wrong while opening it. Reloading often helps; if it keeps happening, tell your admin the address
        of this page.
      </p>
      <p>
        <a href={window.location.pathname}>Reload the page</a> · <a href="/">Go to your board</a>
      </p>
    </section>
  );
}
