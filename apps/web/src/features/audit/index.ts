// The audit log's public face: its page (routes load it lazily by file, to keep it its own chunk).
export { AuditPage } from './AuditPage.tsx';
