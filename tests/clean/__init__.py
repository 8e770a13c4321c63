"""Tests of crawler.clean: the Indonesian cleaning grammar."""
