"""Tests of antt-domain-xlsx."""
