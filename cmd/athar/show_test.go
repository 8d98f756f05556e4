package main

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/athar-org/athar"
)

// fillStrings sets every string reachable from v to a distinct value and
// returns the values, so that a test can look for each in an output.
func fillStrings(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.String:
		s := fmt.Sprintf("قيمة-value-%d", len(out))
		v.SetString(s)
		out[path] = s
	case reflect.Int:
		v.SetInt(1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillStrings(v.Elem(), path, out)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillStrings(v.Index(0), path+"[0]", out)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 2, 27, 10, 30, 0, 0, time.UTC)))
			return
		}
		if v.Type() == reflect.TypeFor[athar.PartialDate]() {
			v.Set(reflect.ValueOf(athar.PartialDate{Year: 1971, Month: 7, Day: 28}))
			return
		}
		for i := range v.NumField() {
			fillStrings(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	}
}

// TestWritePerson_Whole checks the text form shows every text field of the
// record, so that a field added to athar.Person is not left out of show.
func TestWritePerson_Whole(t *testing.T) {
	var p athar.Person
	values := map[string]string{}
	fillStrings(reflect.ValueOf(&p).Elem(), "Person", values)
	var out bytes.Buffer
	writePerson(&out, &p)
	text := out.String()
	// Fields shown in words rather than as stored.
	shownAs := map[string]bool{"Person.Kind": true, "Person.Gender": true, "Person.BirthDates[0].Qualifier": true}
	for path, v := range values {
		if !shownAs[path] && !strings.Contains(text, v) {
			t.Errorf("show leaves out %s (%q):\n%s", path, v, text)
		}
	}
	for _, want := range []string{"1971-07-28", "FORGED", "2026-02-27 10:30:00 UTC"} {
		if !strings.Contains(text, want) {
			t.Errorf("show lacks %q:\n%s", want, text)
		}
	}
}
