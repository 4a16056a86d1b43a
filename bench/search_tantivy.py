#!/usr/bin/env python3
"""The peer: Tantivy (PyPI `tantivy`) with an n-gram tokenizer (1–2 characters) on the same
corpus and queries as yugang-search-bench. Text is normalised as YuGang normalises it (written by
the Swift benchmark), so both engines see the same characters; a query needs every bigram of
its terms, as YuGang's does.

Usage: search_tantivy.py FOLDER SIZE..."""
import statistics
import sys
import tempfile
import time

import tantivy


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def grams(token):
    return [token] if len(token) <= 2 else [token[i:i + 2] for i in range(len(token) - 1)]


def main(folder, sizes):
    queries = [line.split("\t", 1) for line in open(f"{folder}/queries.tsv", encoding="utf-8").read().splitlines()]
    for size in sizes:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", tokenizer_name="ngram12")
        builder.add_text_field("body", tokenizer_name="ngram12")
        schema = builder.build()
        index = tantivy.Index(schema, path=tempfile.mkdtemp(prefix="tantivy-"))
        index.register_tokenizer("ngram12", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(1, 2, False)).build())
        start = time.perf_counter()
        writer = index.writer(heap_size=200_000_000, num_threads=1)
        with open(f"{folder}/corpus-{size}.tsv", encoding="utf-8") as corpus:
            for line in corpus:
                doc_id, title, body = line.rstrip("\n").split("\t")
                writer.add_document(tantivy.Document(id=doc_id, title=title, body=body))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        built = time.perf_counter() - start
        print(f"  Tantivy    {size:8d}  index build {built:.1f} s ({size / built:.0f} documents/s, 1 indexing thread)")
        searcher = index.searcher()
        by_kind = {}
        for kind, tokens in queries:
            terms = [g for t in tokens.split() for g in grams(t)]
            if not terms:
                continue
            must = []
            for term in terms:
                either = tantivy.Query.boolean_query([
                    (tantivy.Occur.Should, tantivy.Query.boost_query(tantivy.Query.term_query(schema, "title", term), 5.0)),
                    (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", term)),
                ])
                must.append((tantivy.Occur.Must, either))
            query = tantivy.Query.boolean_query(must)
            t0 = time.perf_counter()
            result = searcher.search(query, 10, count=True)
            by_kind.setdefault(kind, []).append(((time.perf_counter() - t0) * 1000, result.count))
        for kind, samples in by_kind.items():
            latencies = [s[0] for s in samples]
            matches = int(statistics.mean(s[1] for s in samples))
            print(f"  Tantivy    {size:8d}  {kind:<30} p50 {percentile(latencies, .5):7.2f} ms  p95 {percentile(latencies, .95):7.2f} ms  "
                  f"p99 {percentile(latencies, .99):7.2f} ms  (mean matches {matches})")


if __name__ == "__main__":
    main(sys.argv[1], [int(s) for s in sys.argv[2:]])
