package screen

import (
	"context"
	"strings"
	"testing"
)

func collect(t *testing.T, format, in string) []BatchItem {
	t.Helper()
	var got []BatchItem
	err := ReadBatch(context.Background(), strings.NewReader(in), format, func(it BatchItem) error {
		got = append(got, it)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestReadBatch_JSONL(t *testing.T) {
	in := "\ufeff" + `{"id":"1","name":"أبو بكر البغدادي","birth_date":"1971"}
{"id":"2","names":["Ibrahim Awwad","إبراهيم عواد"],"documents":[{"type":"id","number":"0134852"}]}

{"id":"3","name":
{"id":"4","nmae":"typo field"}
{"id":"5","name":"x"} {"id":"6"}
{"id":"7","name":"Qasim","gender":"m"}`
	got := collect(t, "jsonl", in)
	type want struct {
		line int
		id   string
		err  string
	}
	wants := []want{
		{1, "1", ""}, {2, "2", ""}, {4, "", "invalid JSON"}, {5, "", "unknown field"},
		{6, "", "more than one"}, {7, "7", ""},
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d items, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		g := got[i]
		if g.Line != w.line {
			t.Errorf("item %d: got line %d, want %d", i, g.Line, w.line)
		}
		if w.err != "" {
			if g.Err == nil || !strings.Contains(g.Err.Error(), w.err) {
				t.Errorf("line %d: got error %v, want one containing %q", g.Line, g.Err, w.err)
			}
			continue
		}
		if g.Err != nil || g.Query.ID != w.id {
			t.Errorf("line %d: got %+v, %v; want id %s", g.Line, g.Query, g.Err, w.id)
		}
	}
	if n := got[1].Query.AllNames(); len(n) != 2 || got[1].Query.Documents[0].Number != "0134852" {
		t.Errorf("got %+v", got[1].Query)
	}
}

func TestReadBatch_CSV(t *testing.T) {
	in := "id,name,birth_date,nationality,document_number\n" +
		"a,محمد علي حسين,1980,IQ,A123\n" +
		"b,\"Abu \"\"Bakr\",1971,IQ,\n" +
		"c,too,many,fields,here,really\n" +
		"d,\"unterminated,1970,IQ,\n"
	got := collect(t, "csv", in)
	if len(got) < 3 {
		t.Fatalf("got %d items: %+v", len(got), got)
	}
	if got[0].Err != nil || got[0].Query.Name != "محمد علي حسين" || got[0].Query.Documents[0].Number != "A123" || got[0].Line != 2 {
		t.Errorf("got %+v", got[0])
	}
	if got[1].Err != nil || got[1].Query.Name != `Abu "Bakr` || len(got[1].Query.Documents) != 0 {
		t.Errorf("got %+v", got[1])
	}
	if got[2].Err == nil || got[2].Line != 4 {
		t.Errorf("got %+v, want a field-count error on line 4", got[2])
	}
	last := got[len(got)-1]
	if last.Err == nil || last.Line != 5 {
		t.Errorf("got %+v, want a quoting error on line 5", last)
	}
}

func TestReadBatch_CSVUnknownColumn(t *testing.T) {
	err := ReadBatch(context.Background(), strings.NewReader("id,nmae\n1,x\n"), "csv", func(BatchItem) error { return nil })
	if err == nil || !strings.Contains(err.Error(), `unknown column "nmae"`) {
		t.Fatalf("got %v", err)
	}
}

func TestQueryParse(t *testing.T) {
	tests := []struct {
		name string
		q    Query
		err  string
	}{
		{"ok", Query{Name: "أبو بكر البغدادي", BirthDate: "1971", Nationality: "iq; sy", Gender: "ذكر"}, ""},
		{"no name", Query{BirthDate: "1971"}, "no name"},
		{"bad date", Query{Name: "x", BirthDate: "1971-13-01"}, "birth_date"},
		{"bad nationality", Query{Name: "x", Nationality: "Iraq"}, "ISO 3166-1"},
		{"bad gender", Query{Name: "x", Gender: "x"}, "gender"},
		{"bad utf8", Query{Name: "\xff\xfe"}, "UTF-8"},
		{"long", Query{Name: strings.Repeat("a", 2000)}, "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.q.parse()
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(p.nationalities) != 2 || p.nationalities[1] != "SY" || p.gender != "m" || p.birth.Year != 1971 {
					t.Fatalf("got %+v", p)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("got %v, want an error containing %q", err, tt.err)
			}
		})
	}
}

func FuzzReadBatch(f *testing.F) {
	f.Add("jsonl", `{"id":"1","name":"أبو بكر"}`+"\n{bad")
	f.Add("csv", "id,name\n1,\"x\n2,y")
	f.Fuzz(func(t *testing.T, format, in string) {
		if format != "csv" {
			format = "jsonl"
		}
		last := 0
		_ = ReadBatch(context.Background(), strings.NewReader(in), format, func(it BatchItem) error {
			if it.Line < last {
				t.Fatalf("line %d after %d", it.Line, last)
			}
			last = it.Line
			if it.Err == nil {
				_, _ = it.Query.parse()
			}
			return nil
		})
	})
}
