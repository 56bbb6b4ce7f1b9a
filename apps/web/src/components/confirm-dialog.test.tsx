import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { useConfirm } from './confirm-dialog';

function Deleter() {
  const [confirm, dialog] = useConfirm();
  const [result, setResult] = useState('nothing yet');
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void confirm({
            title: 'Delete column Legal?',
            message: 'It goes for good.',
            confirmLabel: 'Delete column',
          }).then((ok) => setResult(ok ? 'deleted' : 'kept'))
        }
      >
        Delete
      </button>
      <output>{result}</output>
      {dialog}
    </>
  );
}

describe('useConfirm', () => {
  afterEach(cleanup);

  it('does the action only when confirmed', async () => {
    render(<Deleter />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete column Legal?')).toBeTruthy();
    fireEvent.click(screen.getByText('Cancel'));
    expect(await screen.findByText('kept')).toBeTruthy();
    expect(screen.queryByText('Delete column Legal?')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByText('Delete column'));
    expect(await screen.findByText('deleted')).toBeTruthy();
  });
});
