import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment } from '@amb/shared/attachments';
import type { CardDetail } from '@amb/shared/cards';
import type { ApiError } from '../../lib/api-client';
import { uploadFile } from '../../lib/upload-file';
import { cardKeys } from './api';
import { attachmentKeys, attachmentsQuery, deleteAttachment, renameAttachment, setCardCover } from './attachments-api';

type Write = (action: () => Promise<unknown>, saved?: string) => Promise<ApiError | null>;

interface Upload {
  id: string;
  name: string;
  sent: number;
  total: number;
  error: string | null;
  cancel: () => void;
}

const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * The card's files: attach by button, by dropping files on the section or by pasting an image, several at once,
 * each with its own progress bar and cancel. Images show as thumbnails (drawn by the server, lazily loaded), and any
 * of them can be made the card's cover, shown on its face on the board.
 */
export function CardAttachments({ card, write }: { card: CardDetail; write: Write }) {
  const queryClient = useQueryClient();
  const list = useQuery(attachmentsQuery(card.id));
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const readOnly = Boolean(card.archivedAt);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: attachmentKeys.list(card.id) }),
      queryClient.invalidateQueries({ queryKey: attachmentKeys.approval(card.id) }),
      queryClient.invalidateQueries({ queryKey: cardKeys.detail(card.id) }),
    ]);

  const start = (files: File[], attachmentId?: string) => {
    for (const file of files) {
      const id = crypto.randomUUID();
      const patch = (change: Partial<Upload>) =>
        setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));
      const handle = uploadFile(attachmentId ? { attachmentId } : { cardId: card.id }, file, (sent, total) =>
        patch({ sent, total }),
      );
      setUploads((all) => [
        ...all,
        { id, name: file.name, sent: 0, total: file.size, error: null, cancel: handle.cancel },
      ]);
      handle.done.then(
        async () => {
          await refresh();
          setUploads((all) => all.filter((u) => u.id !== id));
        },
        (e: Error) => {
          if (e.message === 'Cancelled') setUploads((all) => all.filter((u) => u.id !== id));
          else patch({ error: e.message });
        },
      );
    }
  };
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });

  // A pasted image (a screenshot, a copied banner) is attached while the card is open.
  useEffect(() => {
    if (readOnly) return;
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      startRef.current(files);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [readOnly]);

  return (
    <section
      aria-labelledby="attachments-title"
      className={`panel-section attachments${dragging ? ' dropping' : ''}`}
      onDragOver={(e) => {
        if (readOnly || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        if (readOnly || e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        start([...e.dataTransfer.files]);
      }}
    >
      <h3 id="attachments-title">Attachments</h3>
      {!readOnly && (
        <p className="attach-row">
          <button type="button" onClick={() => input.current?.click()}>
            Attach files
          </button>{' '}
          <span className="muted">or drop files here, or paste an image</span>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label="Files to attach"
            onChange={(e) => {
              start([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </p>
      )}
      {uploads.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.id}>
              <span className="upload-name">{u.name}</span>
              {u.error ? (
                <span role="alert" className="error-text">
                  {u.error}
                </span>
              ) : (
                <progress max={u.total || 1} value={u.sent} aria-label={`Uploading ${u.name}`} />
              )}
              <button
                type="button"
                className="small"
                onClick={() => (u.error ? setUploads((all) => all.filter((x) => x.id !== u.id)) : u.cancel())}
                aria-label={`${u.error ? 'Dismiss' : 'Cancel'} ${u.name}`}
              >
                {u.error ? 'Dismiss' : 'Cancel'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.data?.length === 0 && uploads.length === 0 && <p className="muted">No files yet.</p>}
      <ul className="attachment-list" aria-label="Files">
        {(list.data ?? []).map((a) => (
          <AttachmentRow
            key={a.id}
            attachment={a}
            isCover={card.cover?.attachmentId === a.id}
            onCover={(cover) =>
              write(
                () => setCardCover(card.id, cover ? a.id : null),
                cover ? `“${a.name}” is the cover.` : 'The card has no cover now.',
              ).then((failed) => (failed ? undefined : refresh()))
            }
            readOnly={readOnly}
            write={write}
            onNewVersion={(files) => start(files, a.id)}
            onChanged={refresh}
          />
        ))}
      </ul>
    </section>
  );
}

function AttachmentRow({
  attachment: a,
  isCover,
  onCover,
  readOnly,
  write,
  onNewVersion,
  onChanged,
}: {
  attachment: Attachment;
  isCover: boolean;
  onCover: (cover: boolean) => Promise<unknown>;
  readOnly: boolean;
  write: Write;
  onNewVersion: (files: File[]) => void;
  onChanged: () => Promise<unknown>;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(a.name);
  const [showVersions, setShowVersions] = useState(false);
  const versionInput = useRef<HTMLInputElement>(null);
  // An image the server would not draw (too many pixels, broken bytes) shows as a file instead.
  const [thumbnailFailed, setThumbnailFailed] = useState(false);
  const thumbnail = thumbnailFailed ? null : a.latest.thumbnailUrl;
  return (
    <li className="attachment">
      {thumbnail ? (
        <img
          className="thumbnail"
          src={thumbnail}
          alt={`Thumbnail of ${a.name}`}
          loading="lazy"
          width={64}
          height={64}
          onError={() => setThumbnailFailed(true)}
        />
      ) : (
        <span className="thumbnail file-icon" aria-hidden="true">
          {a.name.split('.').pop()?.slice(0, 4).toUpperCase() || 'FILE'}
        </span>
      )}
      <div className="attachment-body">
        {renaming ? (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const failed = await write(() => renameAttachment(a.id, name), `Renamed to “${name}”.`);
              if (!failed) {
                setRenaming(false);
                await onChanged();
              }
            }}
          >
            <input aria-label={`New name for ${a.name}`} value={name} onChange={(e) => setName(e.target.value)} />{' '}
            <button type="submit" className="small">
              Save
            </button>{' '}
            <button type="button" className="small" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <a href={`${a.latest.url}?download=1`} download={a.name} className="attachment-name">
            {a.name}
          </a>
        )}
        <span className="muted">
          {' '}
          {sizeText(a.latest.size)}
          {a.latest.number > 1 ? ` · version ${a.latest.number}` : ''} · {a.latest.uploader?.name ?? 'someone'}
        </span>
        <div className="attachment-actions">
          {a.versions.length > 1 && (
            <button
              type="button"
              className="small"
              aria-expanded={showVersions}
              onClick={() => setShowVersions((v) => !v)}
            >
              Versions ({a.versions.length})
            </button>
          )}
          {isCover && <span className="badge cover-badge">Cover</span>}
          {!readOnly && a.latest.thumbnailUrl && (
            <button
              type="button"
              className="small"
              aria-pressed={isCover}
              aria-label={isCover ? `Remove ${a.name} as the cover` : `Make ${a.name} the cover`}
              onClick={() => onCover(!isCover)}
            >
              {isCover ? 'Remove cover' : 'Make cover'}
            </button>
          )}
          {!readOnly && (
            <>
              <button type="button" className="small" onClick={() => versionInput.current?.click()}>
                New version
              </button>
              <input
                ref={versionInput}
                type="file"
                hidden
                aria-label={`New version of ${a.name}`}
                onChange={(e) => {
                  onNewVersion([...(e.target.files ?? [])]);
                  e.target.value = '';
                }}
              />
            </>
          )}
          {!readOnly && a.canManage && (
            <>
              <button type="button" className="small" onClick={() => setRenaming(true)} aria-label={`Rename ${a.name}`}>
                Rename
              </button>
              <button
                type="button"
                className="small"
                aria-label={`Delete ${a.name}`}
                onClick={async () => {
                  if (!window.confirm(`Delete “${a.name}” and all its versions?`)) return;
                  const failed = await write(() => deleteAttachment(a.id), `Deleted “${a.name}”.`);
                  if (!failed) await onChanged();
                }}
              >
                Delete
              </button>
            </>
          )}
        </div>
        {showVersions && (
          <ol className="versions" reversed aria-label={`Versions of ${a.name}`}>
            {a.versions.map((v) => (
              <li key={v.id}>
                <a href={`${v.url}?download=1`} download={v.fileName}>
                  Version {v.number}
                </a>{' '}
                <span className="muted">
                  {v.fileName} · {sizeText(v.size)} · {v.uploader?.name ?? 'someone'} ·{' '}
                  {new Date(v.createdAt).toLocaleDateString()}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </li>
  );
}
