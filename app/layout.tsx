import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TopBar } from "./_components/top-bar";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DataMorph", template: "%s · DataMorph" },
  description: "Describe the table you want in plain English; DataMorph plans, builds, tests and publishes it.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TopBar />
        <main className="page">{children}</main>
      </body>
    </html>
  );
}
