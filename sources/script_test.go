package sources

import (
	"testing"

	"github.com/athar-org/athar"
)

func TestDetectScript(t *testing.T) {
	tests := []struct {
		in   string
		want athar.Script
	}{
		{"إبراهيم عواد إبراهيم علي البدري السامرائي", athar.ScriptArabic},
		{"أبو بكر البغدادي", athar.ScriptArabic},
		{"حاجى فیض الله خان نورزى", athar.ScriptArabic}, // Persian letters
		{"أديب شعبـان العانــي", athar.ScriptArabic},    // with tatweel
		{"Abu Bakr al-Baghdadi", athar.ScriptLatin},
		{"Ibrahim ‘Awad al-Samarra’i", athar.ScriptLatin},
		{"Türkiye Ünal", athar.ScriptLatin},
		{"Абу Банат", athar.ScriptOther},
		{"金铁三", athar.ScriptOther},
		{"Akrin Saleh Akrin (أقرين صالح أقرين)", athar.ScriptOther},
		{"", athar.ScriptOther},
		{"1971 - 05", athar.ScriptOther},
	}
	for _, tt := range tests {
		if got := DetectScript(tt.in); got != tt.want {
			t.Errorf("DetectScript(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
