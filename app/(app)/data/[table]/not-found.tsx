import Link from "next/link";

export default function TableNotFound() {
  return (
    <div className="card stack narrow-card">
      <h1>No such table</h1>
      <p className="muted">There is no readable table of that name. It may have been renamed or dropped.</p>
      <div>
        <Link href="/data" className="button secondary">
          Back to Data
        </Link>
      </div>
    </div>
  );
}
