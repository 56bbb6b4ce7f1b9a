import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { signUpStatusQuery } from './api';
import { SignUpPage } from './sign-up-page';

// Sign-up is open here: the page's question about who may sign up is answered before it renders.
const renderForm = () => {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(signUpStatusQuery.queryKey, { firstRun: false, signUpPolicy: 'OPEN', allowedDomains: [] });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <SignUpPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
};

// happy-dom does not tie a label to the input inside it, so fields are found by their name.
const field = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const fill = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

describe('the sign-up form (react-hook-form with the API’s zod schema)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('checks with the shared schema before sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderForm();
    fill('email', 'not-an-email');
    fill('password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/^password must be at least 10 characters/)).toBeTruthy();
    expect(screen.getByText(/^name is required/)).toBeTruthy();
    expect(field('email').getAttribute('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('puts the API’s field errors on their fields', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: {
                code: 'CONFLICT',
                message: 'body.email is already registered',
                fields: [{ field: 'body.email', message: 'is already registered' }],
              },
            }),
            { status: 409 },
          ),
      ),
    );
    renderForm();
    fill('name', 'Nia');
    fill('email', 'nia@example.test');
    fill('password', 'a-long-enough-password');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByText('email is already registered')).toBeTruthy());
    expect(field('email').getAttribute('aria-describedby')).toBe('email-error');
  });
});
