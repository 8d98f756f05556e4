package names

import "testing"

func BenchmarkAnalyze(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Analyze("إبراهيم عواد إبراهيم البدري")
	}
}

func BenchmarkAnalyzeLatin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Analyze("Abu Bakr al-Baghdadi")
	}
}

func BenchmarkScore(b *testing.B) {
	x, y := Analyze("إبراهيم عواد إبراهيم البدري"), Analyze("Ibrahim Awwad Ibrahim al-Badri")
	f := DefaultFrequencies()
	b.ReportAllocs()
	for b.Loop() {
		_ = Score(&x, &y, f)
	}
}

func BenchmarkCompareInto(b *testing.B) {
	x, y := Analyze("إبراهيم عواد إبراهيم البدري"), Analyze("Ibrahim Awwad Ibrahim al-Badri")
	f := DefaultFrequencies()
	var m Match
	b.ReportAllocs()
	for b.Loop() {
		CompareInto(&m, &x, &y, f)
	}
}
