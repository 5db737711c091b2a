#!/usr/bin/perl
# Drives Mail::DKIM for toaster-dk's interop tests, with the key record fed locally.
#   mail-dkim.pl verify RECORD < message       one line per signature: PREFIX RESULT DETAIL
#   mail-dkim.pl sign-dk KEYFILE SELECTOR DOMAIN METHOD < message    prints the header field
#   mail-dkim.pl sign-dkim KEYFILE SELECTOR DOMAIN CANON ALGORITHM < message
use strict;
use warnings;
use Mail::DKIM::Verifier;
use Mail::DKIM::Signer;
use Mail::DKIM::DkSignature;
use Mail::DKIM::Signature;
use Mail::DKIM::PrivateKey;
use Crypt::OpenSSL::RSA;

my $mode = shift @ARGV;
local $/;
my $message = <STDIN>;
$message =~ s/\r?\n/\r\n/g;

if ($mode eq 'verify') {
    my $record = shift @ARGV;
    no warnings 'redefine';
    # Answer key queries from RECORD; everything else (policies) finds nothing.
    *Mail::DKIM::DNS::query = sub {
        my ($name, $type) = @_;
        return () unless $name =~ /^[^.]+\._domainkey\./ && $type eq 'TXT';
        return (FakeTXT->new($record));
    };
    my $verifier = Mail::DKIM::Verifier->new();
    $verifier->PRINT($message);
    $verifier->CLOSE();
    my @signatures = $verifier->signatures;
    print "none none no signatures\n" unless @signatures;
    foreach my $signature (@signatures) {
        my $detail = $signature->result_detail // '';
        (my $kind = $signature->prefix) =~ s/-Signature:?$//;
        printf "%s %s %s\n", $kind, $signature->result, $detail;
    }
    exit 0;
}

my ($keyfile, $selector, $domain, $method, $algorithm) = @ARGV;
# Mail::DKIM's KeyFile reader wants PKCS#1; load the PEM (PKCS#8 too) through OpenSSL.
open my $handle, '<', $keyfile or die "$keyfile: $!\n";
my $pem = <$handle>;
close $handle;
my $key = Mail::DKIM::PrivateKey->load(Cork => Crypt::OpenSSL::RSA->new_private_key($pem));
my $signer = Mail::DKIM::Signer->new(
    Key     => $key,
    Policy  => sub {
        my $dkim = shift;
        if ($mode eq 'sign-dk') {
            $dkim->add_signature(Mail::DKIM::DkSignature->new(
                Algorithm => 'rsa-sha1', Method => $method, Domain => $domain,
                Selector => $selector));
        } else {
            $dkim->add_signature(Mail::DKIM::Signature->new(
                Algorithm => $algorithm, Method => $method, Domain => $domain,
                Selector => $selector, Headers => $dkim->headers));
        }
        return;
    });
$signer->PRINT($message);
$signer->CLOSE();
print $signer->signature->as_string, "\n";

package FakeTXT;
sub new { my ($class, $text) = @_; return bless { text => $text }, $class; }
sub type { return 'TXT'; }
sub txtdata { return ($_[0]{text}); }
sub char_str_list { return ($_[0]{text}); }
