package sources

import "testing"

func TestNaturalOrder(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"AL-BADRI, Dr. Ibrahim 'Awwad Ibrahim 'Ali", "Dr. Ibrahim 'Awwad Ibrahim 'Ali AL-BADRI", true},
		{"Al-Haq, Amin", "Amin Al-Haq", true},
		{"BAYNAH, Yasin ", "Yasin BAYNAH", true},
		{"RUBEN PESTANO LAVILLA, JR", "", false},
		{"Hilarion Santos, III", "", false},
		{"Abu Bakr al-Baghdadi", "", false},
		{"HUSSEIN, Saddam, Jr.", "", false},
		{", Amin", "", false},
		{"أبو بكر، البغدادي", "", false}, // an Arabic comma is not the list's inversion
	}
	for _, tt := range tests {
		got, ok := NaturalOrder(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NaturalOrder(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
