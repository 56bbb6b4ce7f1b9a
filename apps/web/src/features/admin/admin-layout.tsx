import { NavLink, Outlet } from 'react-router';
import './admin.css';

/** The organisation's admin screens, one tab each. */
export function AdminLayout() {
  return (
    <section className="admin" aria-labelledby="admin-title">
      <h1 id="admin-title">Organisation</h1>
      <nav className="admin-tabs" aria-label="Admin">
        <NavLink to="/admin/teams">Teams</NavLink>
        <NavLink to="/admin/people">People</NavLink>
        <NavLink to="/admin/sign-up">Sign-up</NavLink>
        <NavLink to="/admin/audit">Audit log</NavLink>
      </nav>
      <Outlet />
    </section>
  );
}
