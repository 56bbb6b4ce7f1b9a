import { acceptedInvitationSchema, invitationPreviewSchema, type AcceptInvitationBody } from '@amb/shared/invitations';
import { api } from '../../lib/api-client';

export const fetchInvitation = (token: string) =>
  api('GET', `/invitations/token/${token}`, { schema: invitationPreviewSchema });
export const acceptInvitation = (body: AcceptInvitationBody) =>
  api('POST', '/invitations/accept', { body, schema: acceptedInvitationSchema });
